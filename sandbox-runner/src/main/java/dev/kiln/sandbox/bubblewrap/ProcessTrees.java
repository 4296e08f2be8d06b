package dev.kiln.sandbox.bubblewrap;

import java.util.concurrent.TimeUnit;

/** Stopping a host process that runs sandboxed work, with everything it started. */
final class ProcessTrees {

  private ProcessTrees() {}

  /** Kills the process and its descendants, then waits up to {@code seconds} for it to end. */
  static void kill(Process process, long seconds) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
