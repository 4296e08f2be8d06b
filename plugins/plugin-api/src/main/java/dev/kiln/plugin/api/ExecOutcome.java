package dev.kiln.plugin.api;

import java.util.Objects;

/**
 * What a {@link SandboxShell#exec} command did.
 *
 * @param exitCode the process's exit code; meaningless (usually 137) when {@code timedOut}
 * @param stdout standard output decoded as UTF-8, never null
 * @param stderr standard error decoded as UTF-8, never null
 * @param timedOut the command was killed because its time ran out
 * @param truncated more output than the host's cap was produced; the rest was dropped, so parsing
 *     {@code stdout} may give an incomplete answer
 */
@Stable
public record ExecOutcome(
    int exitCode, String stdout, String stderr, boolean timedOut, boolean truncated) {

  public ExecOutcome {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /**
   * Whether the command finished on its own with exit code 0 and all its output.
   *
   * @return true for a complete, successful run
   */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut && !truncated;
  }
}
