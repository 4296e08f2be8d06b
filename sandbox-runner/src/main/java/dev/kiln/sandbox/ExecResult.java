package dev.kiln.sandbox;

import java.time.Duration;

/**
 * What a command did, said plainly.
 *
 * @param exitCode the process's exit code (137 when killed)
 * @param timedOut killed because the sandbox's wall time ran out
 * @param outOfMemory killed by the kernel for passing the memory limit
 * @param outputTruncated more output than the limit; the rest was dropped
 */
public record ExecResult(
    int exitCode,
    boolean timedOut,
    boolean outOfMemory,
    boolean outputTruncated,
    Duration duration) {

  public boolean succeeded() {
    return exitCode == 0 && !timedOut && !outOfMemory;
  }
}
