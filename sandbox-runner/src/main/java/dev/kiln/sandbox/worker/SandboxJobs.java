package dev.kiln.sandbox.worker;

import java.util.List;
import java.util.Map;

/** The messages of the sandbox worker's topics. */
public final class SandboxJobs {

  public static final String REQUESTED = "kiln.sandbox.requested";
  public static final String COMPLETED = "kiln.sandbox.completed";
  public static final String PROGRESS = "kiln.sandbox.progress";
  public static final String DEAD_LETTER = REQUESTED + "-dlt";

  private SandboxJobs() {}

  /**
   * A job: files to write, commands to run in order (stopping at the first failure), files to send
   * back.
   *
   * @param network {@code NONE} (default) or {@code REGISTRY_ONLY}
   * @param wallTimeSeconds the sandbox's wall time; default 600
   */
  public record Job(
      String jobId,
      String tenant,
      String network,
      Integer wallTimeSeconds,
      Map<String, String> files,
      List<List<String>> commands,
      List<String> artifacts) {}

  /** What one command did. */
  public record Step(
      List<String> command,
      int exitCode,
      boolean timedOut,
      boolean outOfMemory,
      boolean outputTruncated,
      long durationMillis) {}

  /**
   * A job's outcome: {@code succeeded}, {@code failed} (a command failed) or {@code error} (the
   * infrastructure failed: refund, never charge). Artifacts are base64.
   */
  public record Result(
      String jobId, String status, List<Step> steps, Map<String, String> artifacts, String error) {}

  /** One event on the way: {@code step_started}, {@code output}, {@code step_finished}. */
  public record Progress(String jobId, long seq, String type, int step, String text) {}
}
