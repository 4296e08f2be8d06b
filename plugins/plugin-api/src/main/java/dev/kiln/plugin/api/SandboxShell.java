package dev.kiln.plugin.api;

import java.time.Duration;
import java.util.List;

/**
 * Runs commands in the project's sandbox: the working directory holds the project's files and its
 * installed {@code node_modules} (read-only), there is no network, and output is capped. Commands
 * are executed directly, not through a shell, so arguments need no quoting.
 *
 * <p>Failures of the sandbox itself (as opposed to the command) surface as unchecked exceptions and
 * fail the run.
 */
@Stable
public interface SandboxShell {

  /**
   * Runs one command to completion, or until the timeout or the run's own deadline, whichever comes
   * first.
   *
   * @param command the program and its arguments, e.g. {@code List.of("node", "-e", script)}; never
   *     null or empty
   * @param timeout how long the command may take; the host may shorten it, never lengthen it
   * @return what happened, never null
   * @throws InterruptedException if the run was cancelled while waiting; the command is killed
   */
  ExecOutcome exec(List<String> command, Duration timeout) throws InterruptedException;
}
