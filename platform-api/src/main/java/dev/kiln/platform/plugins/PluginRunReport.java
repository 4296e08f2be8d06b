package dev.kiln.platform.plugins;

import java.util.List;
import java.util.Map;

/**
 * The outcome of running every enabled plugin on a project.
 *
 * @param files the project's files after the applied edits (path to content), never null
 * @param outcomes one per plugin, in the order they ran, never null
 */
public record PluginRunReport(Map<String, String> files, List<PluginOutcome> outcomes) {

  /** Every error-severity diagnostic of every plugin: what the auto-fix loop works on. */
  public List<dev.kiln.plugin.api.Diagnostic> errors() {
    return outcomes.stream()
        .flatMap(o -> o.diagnostics().stream())
        .filter(d -> d.severity() == dev.kiln.plugin.api.Severity.ERROR)
        .toList();
  }
}
