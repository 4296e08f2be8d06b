package dev.kiln.platform.plugins;

import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.Stability;
import java.util.List;
import java.util.Set;

/** How plugins appear in the API. */
final class PluginViews {

  private PluginViews() {}

  /** A started plugin's public face. */
  record PluginView(
      String id,
      String version,
      String tool,
      String provider,
      String description,
      List<String> reads,
      Set<Produces> produces,
      long costEstimateCredits,
      String sdkRange,
      Stability stability) {

    static PluginView of(InstalledPlugin p) {
      var d = p.descriptor();
      return new PluginView(
          p.id(),
          p.version(),
          d.id(),
          p.provider(),
          p.description(),
          d.reads(),
          d.produces(),
          d.costEstimateCredits(),
          d.sdkRange(),
          d.stability());
    }
  }

  /** A plugin as an org sees it: on only when both switches are. */
  record OrgPluginView(
      PluginView plugin, boolean enabledPlatform, boolean enabledForOrg, boolean runs) {
    OrgPluginView(PluginView plugin, boolean enabledPlatform, boolean enabledForOrg) {
      this(plugin, enabledPlatform, enabledForOrg, enabledPlatform && enabledForOrg);
    }
  }

  /** A plugin as admins see it, refused ones included. */
  record AdminPluginView(
      String id,
      String version,
      String file,
      String state,
      String refusal,
      boolean enabled,
      PluginView plugin) {

    static AdminPluginView of(InstalledPlugin p, boolean enabled) {
      return new AdminPluginView(
          p.id(),
          p.version(),
          p.file().getFileName().toString(),
          p.started() ? "started" : "refused",
          p.refusal(),
          enabled,
          p.started() ? PluginView.of(p) : null);
    }
  }

  record Switch(@jakarta.validation.constraints.NotNull Boolean enabled) {}
}
