package dev.kiln.platform.plugins;

import dev.kiln.platform.identity.AdminEndpoint;
import dev.kiln.platform.identity.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform admins manage plugins without a restart: list (refused ones with their reason), switch
 * off or on for everyone, load new files from the plugins directory, reload one, unload one.
 */
@RestController
class AdminPluginController {

  private final PluginHost host;
  private final PluginSwitches switches;

  AdminPluginController(PluginHost host, PluginSwitches switches) {
    this.host = host;
    this.switches = switches;
  }

  @AdminEndpoint
  @GetMapping("/api/v1/admin/plugins")
  List<PluginViews.AdminPluginView> list() {
    return views(host.list());
  }

  @AdminEndpoint
  @PutMapping("/api/v1/admin/plugins/{plugin}")
  PluginViews.AdminPluginView switchPlatform(
      @PathVariable String plugin,
      @AuthenticationPrincipal CurrentUser admin,
      @Valid @RequestBody PluginViews.Switch request) {
    InstalledPlugin installed =
        host.find(plugin).orElseThrow(() -> new PluginProblems.PluginNotFound(plugin));
    switches.setPlatform(plugin, request.enabled(), admin.id());
    return PluginViews.AdminPluginView.of(installed, request.enabled());
  }

  /** Loads every jar or zip of the plugins directory not loaded yet; answers what it tried. */
  @AdminEndpoint
  @PostMapping("/api/v1/admin/plugins/load")
  List<PluginViews.AdminPluginView> loadNew() {
    return views(host.loadNew());
  }

  /** Loads the plugin's file again; a refused result is a 422 with the reason. */
  @AdminEndpoint
  @PostMapping("/api/v1/admin/plugins/{plugin}/reload")
  PluginViews.AdminPluginView reload(@PathVariable String plugin) {
    InstalledPlugin reloaded = host.reload(plugin);
    if (!reloaded.started()) {
      throw new PluginProblems.PluginRefused(
          reloaded.file().getFileName().toString(), reloaded.refusal());
    }
    return views(List.of(reloaded)).getFirst();
  }

  @AdminEndpoint
  @PostMapping("/api/v1/admin/plugins/{plugin}/unload")
  PluginViews.AdminPluginView unload(@PathVariable String plugin) {
    InstalledPlugin unloaded = host.unload(plugin);
    return new PluginViews.AdminPluginView(
        unloaded.id(),
        unloaded.version(),
        unloaded.file().getFileName().toString(),
        "unloaded",
        null,
        switches.platform().getOrDefault(plugin, true),
        null);
  }

  private List<PluginViews.AdminPluginView> views(List<InstalledPlugin> plugins) {
    Map<String, Boolean> platform = switches.platform();
    return plugins.stream()
        .map(p -> PluginViews.AdminPluginView.of(p, platform.getOrDefault(p.id(), true)))
        .toList();
  }
}
