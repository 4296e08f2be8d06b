package dev.kiln.platform.plugins;

import dev.kiln.platform.runtime.StartupFact;
import org.springframework.stereotype.Component;

/** The start-up table's plugins row: the directory, what started and what was refused. */
@Component
class PluginStartupFact implements StartupFact {

  private final PluginHost host;

  PluginStartupFact(PluginHost host) {
    this.host = host;
  }

  @Override
  public String label() {
    return "plugins";
  }

  @Override
  public String choice() {
    var all = host.list();
    var started =
        all.stream().filter(InstalledPlugin::started).map(p -> p.id() + " " + p.version());
    long refused = all.stream().filter(p -> !p.started()).count();
    return String.join(", ", started.toList())
        + (refused > 0 ? " (" + refused + " refused, see /api/v1/admin/plugins)" : "")
        + " from "
        + host.dir();
  }
}
