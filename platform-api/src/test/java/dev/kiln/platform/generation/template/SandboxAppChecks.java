package dev.kiln.platform.generation.template;

import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts rendered apps through what a generated app must pass, in sandboxes with no network and the
 * cached {@code node_modules} mounted read-only, as the platform's build stage runs them: one
 * {@link ToolsJob} (Prettier, ESLint, {@code tsc --noEmit} for all apps) and one {@link BuildJob}
 * ({@code next build}) per app. At most {@code parallel} sandboxes run at once; each takes job
 * after job from one queue, its workspace emptied (but for the mount) in between. A sandbox is
 * replaced after a job that failed and once it is {@link #REUSE} old. Every job runs whatever the
 * others do.
 */
final class SandboxAppChecks {

  /** An app to check: its rendered files and the files {@code next build} must export. */
  record App(String name, Map<String, String> files, List<String> exported) {}

  /**
   * What one step found wrong, with the lines that say why.
   *
   * @param order the app's place in the list, -1 for every app
   */
  record Failure(int order, String app, String step, List<String> lines) {
    @Override
    public String toString() {
      return app + " [" + step + "]\n    " + String.join("\n    ", lines);
    }
  }

  /** Work done in one sandbox whose workspace starts empty but for {@code node_modules}. */
  interface Job {
    String name();

    /** Uploads and runs; the failures, empty when all passed. */
    List<Failure> run(Sandbox box);

    /** How long its steps took, once run. */
    String timings();
  }

  private static final Duration REUSE = Duration.ofMinutes(10);

  /** Reuse, then the longest job: the tools job's three steps of ten minutes at most. */
  private static final Duration LIFE = REUSE.plus(Duration.ofMinutes(35));

  private static final List<String> EMPTY =
      List.of(
          "find",
          ".",
          "-mindepth",
          "1",
          "-maxdepth",
          "1",
          "!",
          "-name",
          "node_modules",
          "-exec",
          "rm",
          "-rf",
          "{}",
          "+");

  private final SandboxBackend backend;
  private final SandboxSpec spec;
  private final int parallel;
  private final Map<String, String> timings = Collections.synchronizedMap(new LinkedHashMap<>());

  SandboxAppChecks(
      SandboxBackend backend, String image, String tenant, Path nodeModules, int parallel) {
    this.backend = backend;
    this.spec =
        new SandboxSpec(
                image,
                SandboxSpec.Limits.defaults()
                    .withMemory(2048 * SandboxSpec.Limits.MIB)
                    .withWallTime(LIFE)
                    .withOutputBytes(8 * SandboxSpec.Limits.MIB),
                SandboxSpec.NetworkPolicy.NONE,
                tenant)
            .withDependencies(nodeModules);
    this.parallel = parallel;
  }

  /** Checks every app; the failures come in the apps' order and are empty when all passed. */
  List<Failure> check(List<App> apps) throws InterruptedException {
    Queue<Job> jobs = new ConcurrentLinkedQueue<>();
    jobs.add(new ToolsJob(apps));
    for (int i = 0; i < apps.size(); i++) {
      jobs.add(new BuildJob(i, apps.get(i)));
    }
    List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < parallel; w++) {
        workers.add(
            pool.submit(
                () -> {
                  try (Worker worker = new Worker()) {
                    for (Job job = jobs.poll(); job != null; job = jobs.poll()) {
                      failures.addAll(worker.run(job));
                    }
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("A sandbox worker crashed", e.getCause());
    }
    return failures.stream().sorted(Comparator.comparingInt(Failure::order)).toList();
  }

  /** By job, in the order they finished: how long it and each of its steps took. */
  Map<String, String> timings() {
    synchronized (timings) {
      return new LinkedHashMap<>(timings);
    }
  }

  /** One sandbox at a time, reused from job to job. */
  private final class Worker implements AutoCloseable {

    private Sandbox sandbox;
    private Instant opened;

    List<Failure> run(Job job) {
      Instant start = Instant.now();
      List<Failure> failures;
      try {
        failures = job.run(emptied());
      } catch (RuntimeException e) {
        String why = e.getCause() == null ? e.toString() : e + ", caused by " + e.getCause();
        failures = List.of(new Failure(-1, job.name(), "sandbox", List.of(why)));
      }
      if (!failures.isEmpty()) {
        recycle();
      }
      Duration took = Duration.between(start, Instant.now());
      timings.put(job.name(), String.format("%.1fs (%s)", took.toMillis() / 1000.0, job.timings()));
      return failures;
    }

    private Sandbox emptied() {
      if (sandbox != null && Instant.now().isAfter(opened.plus(REUSE))) {
        recycle();
      }
      if (sandbox == null) {
        sandbox = backend.open(spec);
        opened = Instant.now();
        return sandbox;
      }
      ToolRun emptied = ToolRun.exec(sandbox, Duration.ofMinutes(1), EMPTY);
      if (!emptied.ok()) {
        throw new IllegalStateException("Could not empty the workspace: " + emptied.why());
      }
      return sandbox;
    }

    private void recycle() {
      if (sandbox != null) {
        sandbox.close();
        sandbox = null;
      }
    }

    @Override
    public void close() {
      recycle();
    }
  }
}
