package dev.kiln.platform.plugins;

import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plugins users see: what is installed, what runs for an org, and the record of runs. */
@RestController
class PluginController {

  private final PluginHost host;
  private final PluginSwitches switches;
  private final PluginRunStore runs;

  PluginController(PluginHost host, PluginSwitches switches, PluginRunStore runs) {
    this.host = host;
    this.switches = switches;
    this.runs = runs;
  }

  /** The started plugins admins have not switched off. */
  @GetMapping("/api/v1/plugins")
  List<PluginViews.PluginView> available() {
    Map<String, Boolean> platform = switches.platform();
    return host.list().stream()
        .filter(InstalledPlugin::started)
        .filter(p -> platform.getOrDefault(p.id(), true))
        .map(PluginViews.PluginView::of)
        .toList();
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/api/v1/orgs/{org}/plugins")
  List<PluginViews.OrgPluginView> forOrg(@PathVariable UUID org) {
    Map<String, Boolean> platform = switches.platform();
    Map<String, Boolean> own = switches.org(org);
    return host.list().stream()
        .filter(InstalledPlugin::started)
        .map(
            p ->
                new PluginViews.OrgPluginView(
                    PluginViews.PluginView.of(p),
                    platform.getOrDefault(p.id(), true),
                    own.getOrDefault(p.id(), true)))
        .toList();
  }

  /** Owners switch a plugin on or off for their org. */
  @RequiresRole(Role.OWNER)
  @PutMapping("/api/v1/orgs/{org}/plugins/{plugin}")
  PluginViews.OrgPluginView switchForOrg(
      @PathVariable UUID org,
      @PathVariable String plugin,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @RequestBody PluginViews.Switch request) {
    InstalledPlugin installed =
        host.find(plugin)
            .filter(InstalledPlugin::started)
            .orElseThrow(() -> new PluginProblems.PluginNotFound(plugin));
    switches.setOrg(org, plugin, request.enabled(), user.id());
    return new PluginViews.OrgPluginView(
        PluginViews.PluginView.of(installed),
        switches.platform().getOrDefault(plugin, true),
        request.enabled());
  }

  /** The org's most recent plugin runs, optionally of one run reference. */
  @RequiresRole(Role.VIEWER)
  @GetMapping("/api/v1/orgs/{org}/plugins/runs")
  List<PluginRunStore.RunRecord> runs(
      @PathVariable UUID org,
      @RequestParam(required = false) @Size(max = 200) String runRef,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return runs.recent(org, runRef, limit);
  }
}
