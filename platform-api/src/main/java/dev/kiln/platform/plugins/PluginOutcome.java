package dev.kiln.platform.plugins;

import dev.kiln.plugin.api.Diagnostic;
import java.time.Duration;
import java.util.List;

/**
 * How one plugin's run on one project ended: what the generation engine turns into a {@code
 * plugin_result} event and feeds to its auto-fix loop.
 *
 * @param pluginId the PF4J plugin id
 * @param version the plugin's version
 * @param status how it ended
 * @param error what went wrong, in words, when it did not succeed; else null
 * @param took how long it ran
 * @param diagnostics what it found (at most the host's cap), never null
 * @param diagnosticsDropped how many diagnostics past the cap were dropped
 * @param editsApplied paths whose new content was applied, in order, never null
 * @param editsRejected edits refused because the file changed since the tool read it, never null
 * @param credits what the run was charged
 */
public record PluginOutcome(
    String pluginId,
    String version,
    Status status,
    String error,
    Duration took,
    List<Diagnostic> diagnostics,
    int diagnosticsDropped,
    List<String> editsApplied,
    List<RejectedEdit> editsRejected,
    long credits) {

  /** How a run ended. Only {@code SUCCEEDED} is charged. */
  public enum Status {
    SUCCEEDED,
    /** The plugin threw, or the tool could not run. */
    FAILED,
    TIMED_OUT,
    /** The plugin returned garbage or tried to edit outside the project: nothing was applied. */
    INVALID_RESULT,
    /** The org's credits could not cover the plugin's estimate: it did not run. */
    NO_CREDITS;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An edit that was not applied, and why. */
  public record RejectedEdit(String path, String reason) {}
}
