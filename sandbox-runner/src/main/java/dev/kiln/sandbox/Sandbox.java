package dev.kiln.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One job's isolated environment, used once and then closed. The job's files live in {@code
 * /workspace}; {@code /scratch} and {@code /tmp} are writable and size-limited; nothing else is
 * writable. {@link #upload}, {@link #exec} and {@link #serve} may be called from several threads
 * while a served command runs; {@link #readFile} and {@link #moveOut} briefly freeze the sandbox's
 * processes (served ones too) and must not overlap each other.
 */
public interface Sandbox extends AutoCloseable {

  /** A stable id, for logs and inspection. */
  String id();

  /** Writes files (workspace-relative paths) into {@code /workspace}. */
  void upload(Map<String, byte[]> files);

  /**
   * Runs a command in {@code /workspace}, streaming its output lines to {@code output} until the
   * output limit, and returns what happened. Past the sandbox's wall time the command is killed and
   * the sandbox closed. Interrupting the calling thread kills the command (its process tree) and
   * throws {@link SandboxFailure} with the thread's interrupt flag set; the sandbox stays open for
   * other commands. Never throws for what the command does; throws {@link SandboxFailure} when the
   * infrastructure fails.
   */
  ExecResult exec(List<String> command, Consumer<OutputLine> output);

  /**
   * Starts a command in {@code /workspace} in the background and returns at once; the host reaches
   * TCP {@code port} inside through {@link Served#address()}. Output lines stream to {@code output}
   * (from another thread) until the output limit, which counts per served command. The sandbox's
   * wall time still applies: past it the command is killed and the sandbox closed; closing the
   * sandbox stops it too. {@link #upload} and {@link #exec} keep working meanwhile.
   *
   * @param port the TCP port the command will listen on inside, 1 to 65535
   * @throws IllegalStateException when the sandbox was not opened with {@link
   *     SandboxSpec.NetworkPolicy#SERVE}, or is closed
   * @throws SandboxFailure when the infrastructure cannot start it
   */
  Served serve(List<String> command, int port, Consumer<OutputLine> output);

  /**
   * A workspace file's bytes, or empty when it does not exist, is not a regular file, or any part
   * of its path is a symbolic link (links are never followed).
   */
  Optional<byte[]> readFile(String path);

  /**
   * Moves a workspace directory out to {@code target} on the host (which must not exist yet), for
   * caching. Refused when any part of the path is a link. The job cannot change the tree while it
   * moves.
   */
  void moveOut(String directory, Path target);

  /** Stops and removes everything the sandbox had; idempotent. */
  @Override
  void close();

  /** One line of output. */
  record OutputLine(Stream stream, String text, boolean cut) {
    /** A whole line. */
    public OutputLine(Stream stream, String text) {
      this(stream, text, false);
    }
  }

  /** Where a line came from. */
  enum Stream {
    STDOUT,
    STDERR
  }
}
