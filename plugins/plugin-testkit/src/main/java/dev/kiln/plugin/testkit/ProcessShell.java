package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.SandboxShell;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@link ProcessBuilder} in the harness's workspace, enforcing a timeout (the
 * smaller of the caller's and the run's) and an output cap per stream, as the sandbox does. Unlike
 * the sandbox it does not cut the network off.
 */
final class ProcessShell implements SandboxShell {

  /** The exit code reported for a killed command, as in the sandbox (128 + SIGKILL). */
  static final int KILLED = 137;

  /** What a shell reports when the program does not exist. */
  static final int NOT_FOUND = 127;

  private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

  private final Path workingDirectory;
  private final Duration maxTimeout;
  private final int outputCapBytes;

  ProcessShell(Path workingDirectory, Duration maxTimeout, int outputCapBytes) {
    this.workingDirectory = workingDirectory;
    this.maxTimeout = maxTimeout;
    this.outputCapBytes = outputCapBytes;
  }

  @Override
  public ExecOutcome exec(List<String> command, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(timeout, "timeout");
    if (command.isEmpty() || command.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("command must name a program and hold no nulls");
    }
    Process process;
    try {
      process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
    } catch (IOException e) {
      return new ExecOutcome(
          NOT_FOUND, "", "cannot run " + command.get(0) + ": " + e.getMessage(), false, false);
    }
    return await(process, timeout.compareTo(maxTimeout) < 0 ? timeout : maxTimeout);
  }

  private ExecOutcome await(Process process, Duration timeout) throws InterruptedException {
    closeQuietly(process);
    BoundedOutput stdout = new BoundedOutput(process.getInputStream(), outputCapBytes);
    BoundedOutput stderr = new BoundedOutput(process.getErrorStream(), outputCapBytes);
    Thread out = Thread.ofPlatform().daemon().name("kiln-exec-stdout").start(stdout);
    Thread err = Thread.ofPlatform().daemon().name("kiln-exec-stderr").start(stderr);
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      killTree(process);
      throw e;
    }
    if (!finished) {
      killTree(process);
    }
    out.join(DRAIN_GRACE);
    err.join(DRAIN_GRACE);
    return new ExecOutcome(
        finished ? process.exitValue() : KILLED,
        stdout.text(),
        stderr.text(),
        !finished,
        stdout.truncated() || stderr.truncated());
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close(); // commands get an empty stdin, as in the sandbox
    } catch (IOException ignored) {
      // nothing was written, nothing can be lost
    }
  }

  private static void killTree(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
