package dev.kiln.platform.plugins;

import dev.kiln.plugin.api.Cancellation;
import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.ProjectFiles;
import dev.kiln.plugin.api.SandboxShell;
import dev.kiln.plugin.api.ToolContext;
import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** What one plugin gets for one run: the project snapshot, a shell in its sandbox, a deadline. */
final class RunContext implements ToolContext {

  private final String orgId;
  private final Snapshot files;
  private final Shell shell;
  private final System.Logger logger;
  private final String cacheDirectory;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  RunContext(
      String orgId,
      Map<String, String> files,
      Sandbox sandbox,
      Instant deadline,
      String id,
      String cacheDirectory) {
    this.orgId = orgId;
    this.files = new Snapshot(files);
    this.shell = new Shell(sandbox, deadline, cancelled);
    this.logger = System.getLogger("kiln.plugin." + id);
    this.cacheDirectory = cacheDirectory;
  }

  void cancel() {
    cancelled.set(true);
  }

  @Override
  public String orgId() {
    return orgId;
  }

  @Override
  public ProjectFiles files() {
    return files;
  }

  @Override
  public SandboxShell sandbox() {
    return shell;
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public System.Logger logger() {
    return logger;
  }

  @Override
  public Cancellation cancellation() {
    return cancelled::get;
  }

  @Override
  public Optional<String> cacheDirectory() {
    return Optional.of(cacheDirectory);
  }

  /** The project's files when the run started, without dependencies or version control. */
  static final class Snapshot implements ProjectFiles {
    private final TreeMap<String, String> files = new TreeMap<>();

    Snapshot(Map<String, String> files) {
      files.forEach(
          (path, content) -> {
            if (!PluginRunner.ignored(path)) {
              this.files.put(path, content);
            }
          });
    }

    @Override
    public List<String> paths() {
      return List.copyOf(files.keySet());
    }

    @Override
    public Optional<ProjectFile> get(String path) {
      String content = files.get(path);
      return content == null ? Optional.empty() : Optional.of(ProjectFile.of(path, content));
    }
  }

  /**
   * Commands in the run's sandbox, each bounded by its own timeout and the run's deadline through
   * {@code timeout -s KILL} inside the sandbox (the sandbox's own wall time still applies).
   */
  static final class Shell implements SandboxShell {
    private final Sandbox sandbox;
    private final Instant deadline;
    private final AtomicBoolean cancelled;

    Shell(Sandbox sandbox, Instant deadline, AtomicBoolean cancelled) {
      this.sandbox = sandbox;
      this.deadline = deadline;
      this.cancelled = cancelled;
    }

    @Override
    public ExecOutcome exec(List<String> command, Duration timeout) throws InterruptedException {
      if (command == null || command.isEmpty()) {
        throw new IllegalArgumentException("command must name a program");
      }
      if (cancelled.get() || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("the run was cancelled");
      }
      Duration left = Duration.between(Instant.now(), deadline);
      Duration allowed = timeout == null || timeout.compareTo(left) > 0 ? left : timeout;
      long seconds = Math.max(1, (allowed.toMillis() + 999) / 1000);
      if (allowed.isNegative() || allowed.isZero()) {
        return new ExecOutcome(137, "", "the run's time is up", true, false);
      }
      List<String> bounded = new ArrayList<>(List.of("timeout", "-s", "KILL", seconds + ""));
      bounded.addAll(command);
      Output stdout = new Output();
      Output stderr = new Output();
      Instant start = Instant.now();
      ExecResult result =
          sandbox.exec(
              bounded,
              line -> (line.stream() == Sandbox.Stream.STDOUT ? stdout : stderr).add(line));
      boolean timedOut =
          result.timedOut()
              || (result.exitCode() == 137
                  && Duration.between(start, Instant.now()).toMillis() >= seconds * 1000 - 50);
      return new ExecOutcome(
          result.exitCode(), stdout.text(), stderr.text(), timedOut, result.outputTruncated());
    }
  }

  /** Lines joined back, pieces of a long line without a separator. */
  private static final class Output {
    private final StringBuilder text = new StringBuilder();

    synchronized void add(Sandbox.OutputLine line) {
      text.append(line.text());
      if (!line.cut()) {
        text.append('\n');
      }
    }

    synchronized String text() {
      return text.toString();
    }
  }
}
