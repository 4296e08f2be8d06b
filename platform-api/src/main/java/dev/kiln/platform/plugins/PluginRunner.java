package dev.kiln.platform.plugins;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.CreditRecords;
import dev.kiln.billing.pricing.Operation;
import dev.kiln.platform.sandbox.SandboxAccess;
import dev.kiln.platform.tenancy.TenantContext;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.Globs;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.ToolCancelledException;
import dev.kiln.plugin.api.ToolResult;
import dev.kiln.sandbox.DependencyCache;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs every plugin enabled for an org on a project, in order (prettier, eslint, tsc, then the
 * others by id), in one network-less sandbox holding the project's files and its cached
 * dependencies. Each call is wrapped: the tenant, a timeout, a credit hold of the plugin's estimate
 * (captured on success, released otherwise), metrics, and the {@link ResultCheck}. A plugin that
 * throws, hangs, returns garbage or edits outside the project gets a clear error and the others
 * still run; edits that pass are applied in order, so each plugin sees its predecessors' work.
 */
@Component
public class PluginRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PluginRunner.class);
  private static final List<String> FIRST = List.of("kiln-prettier", "kiln-eslint", "kiln-tsc");
  private static final long SANDBOX_OUTPUT = 32L * SandboxSpec.Limits.MIB;
  private static final String NO_DEPENDENCIES = "none";

  private final PluginHost host;
  private final PluginSwitches switches;
  private final PluginRunStore runs;
  private final PluginSettings settings;
  private final SandboxAccess sandboxes;
  private final CreditLedger ledger;
  private final MeterRegistry meters;
  private final ToolCaches caches;
  private final ObjectProvider<BaselineProject> baselineProject;
  private final ExecutorService calls =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kiln-plugin-", 0).factory());

  /** Makes tool-cache baselines one at a time, beside the runs that asked for them. */
  private final ExecutorService baselines =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("kiln-tool-baseline").factory());

  /** Dependency sets and built-in versions a baseline was asked for since start-up. */
  private final Set<String> baselinesAsked = ConcurrentHashMap.newKeySet();

  PluginRunner(
      PluginHost host,
      PluginSwitches switches,
      PluginRunStore runs,
      PluginSettings settings,
      SandboxAccess sandboxes,
      CreditLedger ledger,
      MeterRegistry meters,
      ToolCaches caches,
      ObjectProvider<BaselineProject> baselineProject) {
    this.host = host;
    this.switches = switches;
    this.runs = runs;
    this.settings = settings;
    this.sandboxes = sandboxes;
    this.ledger = ledger;
    this.meters = meters;
    this.caches = caches;
    this.baselineProject = baselineProject;
  }

  /** Paths no plugin sees or edits: dependencies and version control. */
  static boolean ignored(String path) {
    return path.equals("node_modules")
        || path.startsWith("node_modules/")
        || path.contains("/node_modules/")
        || path.equals(".git")
        || path.startsWith(".git/");
  }

  /**
   * What {@link #run} would run for {@code org}: the enabled plugins' ids and versions in order, so
   * that equal signatures on equal files give equal results.
   */
  public String signature(UUID org) {
    return String.join(
        ",",
        TenantContext.callAs(org, () -> enabledFor(org)).stream()
            .map(p -> p.id() + "@" + p.version())
            .toList());
  }

  /** The started plugins that are on for {@code org}, in run order (the org must be in scope). */
  List<InstalledPlugin> enabledFor(UUID org) {
    Map<String, Boolean> platform = switches.platform();
    Map<String, Boolean> own = switches.org(org);
    return host.list().stream()
        .filter(InstalledPlugin::started)
        .filter(p -> platform.getOrDefault(p.id(), true) && own.getOrDefault(p.id(), true))
        .sorted(
            Comparator.comparingInt(
                    (InstalledPlugin p) ->
                        FIRST.contains(p.id()) ? FIRST.indexOf(p.id()) : FIRST.size())
                .thenComparing(InstalledPlugin::id))
        .toList();
  }

  /**
   * Runs the org's plugins on {@code files} (path to UTF-8 content).
   *
   * <p>The plugins run in order, each on its predecessors' edits, except that the diagnostics-only
   * plugins after the last editing one start with the first plugin of the run, side by side in the
   * sandbox (see {@link Readers}): one that reads a file an editing plugin then changes is stopped
   * and started again on the changed files (and is charged once), so every result is what running
   * in order would give.
   *
   * <p>The tools' caches are the org's own, else the baseline's; when the baseline lacks one of the
   * built-ins for the project's dependency set, it is made in the background afterwards (see {@link
   * #makeBaseline}).
   *
   * @param runRef what the run belongs to (a generation or version id), recorded with each result
   * @param onResult called after each plugin, in order (the generation engine's events)
   */
  public PluginRunReport run(
      UUID org, String runRef, Map<String, String> files, Consumer<PluginOutcome> onResult) {
    List<InstalledPlugin> plugins = TenantContext.callAs(org, () -> enabledFor(org));
    Map<String, String> working = new LinkedHashMap<>(files);
    List<PluginOutcome> outcomes = new ArrayList<>();
    if (plugins.isEmpty()) {
      return new PluginRunReport(working, outcomes);
    }
    int from = readersFrom(plugins);
    String deps;
    try (Session session = session(org, files, plugins, settings.cpus())) {
      deps = session.deps;
      List<InstalledPlugin> trailing = plugins.subList(from, plugins.size());
      Readers readers =
          trailing.isEmpty() ? null : new Readers(org, runRef, trailing, working, session);
      try {
        for (int i = 0; i < from; i++) {
          InstalledPlugin plugin = plugins.get(i);
          Run run = runOne(org, runRef, plugin, working, session.open(working));
          Map<String, String> changed = apply(run, working, session);
          if (readers != null && run.taintedSandbox()) {
            readers.awaitAll();
          } else if (readers != null) {
            readers.restartOn(changed.keySet(), working);
          }
          session.finished(plugin, run);
          record(org, runRef, plugin, run, outcomes, onResult);
        }
      } catch (RuntimeException e) {
        if (readers != null) {
          readers.abandon();
        }
        throw e;
      }
      if (readers != null) {
        List<Run> runs = readers.finish(working);
        for (int i = 0; i < trailing.size(); i++) {
          session.finished(trailing.get(i), runs.get(i));
          record(org, runRef, trailing.get(i), runs.get(i), outcomes, onResult);
        }
      }
    }
    askForBaseline(deps, plugins);
    return new PluginRunReport(working, outcomes);
  }

  /** Starts making the baseline for {@code deps} when it lacks one of the built-ins run. */
  private void askForBaseline(String deps, List<InstalledPlugin> plugins) {
    List<InstalledPlugin> builtIns = plugins.stream().filter(p -> FIRST.contains(p.id())).toList();
    if (deps.equals(NO_DEPENDENCIES)
        || builtIns.isEmpty()
        || !caches.baselineMissing(deps, builtIns)) {
      return;
    }
    String key =
        deps
            + " "
            + String.join(",", builtIns.stream().map(p -> p.id() + "@" + p.version()).toList());
    if (baselinesAsked.add(key)) {
      try {
        baselines.execute(() -> makeBaseline(deps, builtIns));
      } catch (RejectedExecutionException e) {
        log.debug("Not making a tool-cache baseline while shutting down");
      }
    }
  }

  /**
   * Runs {@code builtIns} in order on the platform's {@link BaselineProject}, when its dependency
   * set is {@code deps}, and keeps their caches as the baseline: in a 1-CPU sandbox, with no credit
   * hold and no recorded run (the platform pays), so that an organisation's first run on these
   * dependencies starts warm without ever seeing another organisation's files. Third-party plugins
   * get no baseline: the platform runs their code only for an organisation that enabled them.
   */
  private void makeBaseline(String deps, List<InstalledPlugin> builtIns) {
    BaselineProject project = baselineProject.getIfAvailable();
    if (project == null) {
      return;
    }
    try {
      Map<String, String> files = project.files();
      String manifest = files.get("package.json");
      String lockfile = files.get("package-lock.json");
      if (manifest == null
          || lockfile == null
          || !deps.equals(
              DependencyCache.hash(
                  manifest.getBytes(StandardCharsets.UTF_8),
                  lockfile.getBytes(StandardCharsets.UTF_8)))) {
        return;
      }
      Map<String, String> working = new LinkedHashMap<>(files);
      try (Session session = session(ToolCaches.BASELINE, files, builtIns, 1)) {
        for (InstalledPlugin plugin : builtIns) {
          Run run =
              attempt(ToolCaches.BASELINE, plugin, working, session.open(working), Instant.now());
          apply(run, working, session);
          session.finished(plugin, run);
        }
      }
      log.info("Made the tool-cache baseline for dependency set {}", deps.substring(0, 12));
    } catch (RuntimeException e) {
      log.info("Could not make the tool-cache baseline for {}: {}", deps, e.toString());
    }
  }

  /**
   * Where the diagnostics-only plugins after the last editing one start (the end when the last
   * plugin edits; 0 when none does).
   */
  static int readersFrom(List<InstalledPlugin> plugins) {
    int last = -1;
    for (int i = 0; i < plugins.size(); i++) {
      if (edits(plugins.get(i))) {
        last = i;
      }
    }
    return last + 1;
  }

  private static boolean edits(InstalledPlugin plugin) {
    return plugin.descriptor().produces().contains(Produces.EDITS);
  }

  private void record(
      UUID org,
      String runRef,
      InstalledPlugin plugin,
      Run run,
      List<PluginOutcome> outcomes,
      Consumer<PluginOutcome> onResult) {
    PluginOutcome outcome = run.outcome();
    TenantContext.callAs(
        org,
        () -> {
          runs.insert(org, runRef, outcome, run.started());
          return null;
        });
    meters
        .timer("kiln.plugin.runs", "plugin", plugin.id(), "outcome", outcome.status().id())
        .record(outcome.took());
    outcomes.add(outcome);
    onResult.accept(outcome);
  }

  /** Applies a run's accepted edits to the working files and the sandbox. */
  private static Map<String, String> apply(Run run, Map<String, String> working, Session session) {
    Map<String, String> changed = new HashMap<>();
    run.outcome().editsApplied().forEach(p -> changed.put(p, run.contents().get(p)));
    if (!changed.isEmpty()) {
      working.putAll(changed);
      session.upload(changed);
    }
    return changed;
  }

  /**
   * The diagnostics-only plugins after the last editing one, started at once on the files as they
   * were, side by side in the sandbox with the plugins before them. When an editing plugin changes
   * a file one of them reads while it runs, that run is stopped (its command killed) and started
   * again on the changed files; one that had already finished runs again at the end if a file it
   * reads changed since it started. Each is reserved and settled once, whatever ran.
   */
  private final class Readers {
    private final UUID org;
    private final Session session;
    private final List<Reader> readers = new ArrayList<>();

    /** One reader: its hold (or the run refused for credits), and its latest call. */
    private final class Reader {
      final InstalledPlugin plugin;
      final Instant began = Instant.now();
      CreditRecords.Hold hold;
      Run refused;
      Map<String, String> seen;
      Call call;
      Run run;

      Reader(InstalledPlugin plugin) {
        this.plugin = plugin;
      }

      void start(Map<String, String> files, Sandbox sandbox) {
        seen = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        call = new Call(org, plugin, seen, sandbox, began);
        run = null;
      }
    }

    Readers(
        UUID org,
        String runRef,
        List<InstalledPlugin> plugins,
        Map<String, String> working,
        Session session) {
      this.org = org;
      this.session = session;
      Sandbox sandbox = session.open(working);
      for (InstalledPlugin plugin : plugins) {
        Reader reader = new Reader(plugin);
        readers.add(reader);
        try {
          reader.hold = reserve(org, runRef, plugin);
        } catch (RuntimeException e) {
          reader.refused = noCredits(plugin, e, reader.began);
          continue;
        }
        reader.start(working, sandbox);
      }
    }

    /** Restarts, on {@code working}, the running readers that read one of {@code changed}. */
    void restartOn(Set<String> changed, Map<String, String> working) {
      for (Reader reader : readers) {
        if (reader.call != null
            && reader.run == null
            && !reader.call.done()
            && changed.stream().anyMatch(Globs.anyOf(reader.plugin.descriptor().reads()))) {
          reader.call.stop();
          reader.start(working, session.open(working));
        }
      }
    }

    /** Stops every reader and releases its hold: the run broke off before they were needed. */
    void abandon() {
      for (Reader reader : readers) {
        if (reader.refused == null) {
          reader.call.stop();
          settle(
              org,
              reader.hold,
              outcome(
                  reader.plugin,
                  PluginOutcome.Status.FAILED,
                  "the run broke off",
                  reader.began,
                  0));
        }
      }
    }

    /** Waits for every reader's latest call; replaces the sandbox if one of them tainted it. */
    void awaitAll() {
      boolean tainted = false;
      for (Reader reader : readers) {
        if (reader.call != null && reader.run == null) {
          reader.run = reader.call.await();
          tainted |= reader.run.taintedSandbox();
        }
      }
      if (tainted) {
        session.discard();
      }
    }

    /**
     * The readers' runs, in order, each as if it had run after every editing plugin: one that saw a
     * file it reads other than it is now runs again (not after a time-out). Settles the holds.
     */
    List<Run> finish(Map<String, String> working) {
      awaitAll();
      List<Run> results = new ArrayList<>();
      for (Reader reader : readers) {
        Run run = reader.refused != null ? reader.refused : reader.run;
        if (reader.refused == null
            && run.outcome().status() != PluginOutcome.Status.TIMED_OUT
            && readChanged(reader.plugin, reader.seen, working)) {
          reader.start(working, session.open(working));
          run = reader.call.await();
          if (run.taintedSandbox()) {
            session.discard();
          }
        }
        if (reader.refused == null) {
          settle(org, reader.hold, run.outcome());
        }
        results.add(run);
      }
      return results;
    }
  }

  /** Whether a file {@code plugin} reads differs between {@code seen} and {@code now}. */
  private static boolean readChanged(
      InstalledPlugin plugin, Map<String, String> seen, Map<String, String> now) {
    var reads = Globs.anyOf(plugin.descriptor().reads());
    Set<String> paths = new LinkedHashSet<>(seen.keySet());
    paths.addAll(now.keySet());
    return paths.stream().anyMatch(p -> reads.test(p) && !Objects.equals(seen.get(p), now.get(p)));
  }

  /** Where the plugins run: the sandbox (opened on first use) and the tools' caches. */
  private Session session(
      UUID org, Map<String, String> files, List<InstalledPlugin> plugins, double cpus) {
    SandboxSpec spec =
        new SandboxSpec(
            sandboxes.image(),
            SandboxSpec.Limits.defaults()
                .withCpus(cpus)
                .withWallTime(settings.timeout().multipliedBy(FIRST.size() + 2))
                .withOutputBytes(SANDBOX_OUTPUT),
            SandboxSpec.NetworkPolicy.NONE,
            org.toString());
    String deps = NO_DEPENDENCIES;
    String manifest = files.get("package.json");
    String lockfile = files.get("package-lock.json");
    if (manifest != null && lockfile != null) {
      var installed =
          sandboxes
              .dependencies()
              .install(
                  org.toString(),
                  manifest.getBytes(StandardCharsets.UTF_8),
                  lockfile.getBytes(StandardCharsets.UTF_8));
      spec = spec.withDependencies(installed.nodeModules());
      deps = installed.hash();
    }
    return new Session(org, spec, deps, plugins);
  }

  /**
   * The sandbox of one run of the plugins, opened on first use with the working files and the
   * tools' caches, replaced after a plugin that timed out (a command of it may still run there),
   * and closed at the end, keeping the caches of the plugins that succeeded in it.
   */
  private final class Session implements AutoCloseable {
    private final UUID org;
    private final SandboxSpec spec;
    private final String deps;
    private final List<InstalledPlugin> plugins;
    private final Set<InstalledPlugin> succeeded = new LinkedHashSet<>();
    private Sandbox sandbox;

    Session(UUID org, SandboxSpec spec, String deps, List<InstalledPlugin> plugins) {
      this.org = org;
      this.spec = spec;
      this.deps = deps;
      this.plugins = plugins;
    }

    synchronized Sandbox open(Map<String, String> working) {
      if (sandbox == null) {
        sandbox = sandboxes.backend().open(spec);
        Map<String, byte[]> upload = bytes(working);
        upload.putAll(caches.restore(org, deps, plugins));
        sandbox.upload(upload);
      }
      return sandbox;
    }

    synchronized void upload(Map<String, String> changed) {
      if (sandbox != null) {
        sandbox.upload(bytes(changed));
      }
    }

    synchronized void finished(InstalledPlugin plugin, Run run) {
      if (run.taintedSandbox()) {
        discard();
      } else if (run.outcome().status() == PluginOutcome.Status.SUCCEEDED) {
        succeeded.add(plugin);
      }
    }

    synchronized void discard() {
      if (sandbox != null) {
        sandbox.close();
        sandbox = null;
        succeeded.clear();
      }
    }

    @Override
    public synchronized void close() {
      if (sandbox != null) {
        try {
          caches.keep(org, deps, sandbox, succeeded);
        } finally {
          sandbox.close();
          sandbox = null;
        }
      }
    }
  }

  /** One plugin's outcome and, for applied edits, the new contents. */
  private record Run(
      PluginOutcome outcome,
      Map<String, String> contents,
      boolean taintedSandbox,
      Instant started) {}

  /**
   * Reserves the plugin's estimate: null when it costs nothing.
   *
   * @throws RuntimeException when the org cannot cover it
   */
  private CreditRecords.Hold reserve(UUID org, String runRef, InstalledPlugin plugin) {
    long cost = plugin.descriptor().costEstimateCredits();
    if (cost <= 0) {
      return null;
    }
    return ledger.reserve(
        org,
        Operation.PLUGIN_RUN.id(),
        cost,
        runRef + "/" + plugin.id(),
        "plugin:" + runRef + ":" + plugin.id());
  }

  /** The run of a plugin whose estimate the org could not cover: it did not run. */
  private static Run noCredits(InstalledPlugin plugin, RuntimeException refusal, Instant start) {
    return new Run(
        outcome(plugin, PluginOutcome.Status.NO_CREDITS, refusal.getMessage(), start, 0),
        Map.of(),
        false,
        start);
  }

  /** Reserves, runs and settles one plugin. */
  private Run runOne(
      UUID org, String runRef, InstalledPlugin plugin, Map<String, String> files, Sandbox sandbox) {
    Instant start = Instant.now();
    CreditRecords.Hold hold;
    try {
      hold = reserve(org, runRef, plugin);
    } catch (RuntimeException e) {
      return noCredits(plugin, e, start);
    }
    Run run = attempt(org, plugin, files, sandbox, start);
    settle(org, hold, run.outcome());
    return run;
  }

  /** Calls the plugin once, bounded by the timeout; {@code start} is when its run began. */
  private Run attempt(
      UUID org, InstalledPlugin plugin, Map<String, String> files, Sandbox sandbox, Instant start) {
    return new Call(org, plugin, files, sandbox, start).await();
  }

  /**
   * One call of a plugin, started at once on another thread and bounded by the timeout from then;
   * {@link #stop()} abandons it (its sandbox command is killed, its result never read).
   */
  private final class Call {
    private final InstalledPlugin plugin;
    private final Map<String, String> files;
    private final Instant start;
    private final long deadlineNanos;
    private final RunContext context;
    private final Future<ToolResult> future;

    Call(
        UUID org,
        InstalledPlugin plugin,
        Map<String, String> files,
        Sandbox sandbox,
        Instant start) {
      this.plugin = plugin;
      this.files = files;
      this.start = start;
      this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
      this.context =
          new RunContext(
              org.toString(),
              files,
              sandbox,
              Instant.now().plus(settings.timeout()),
              plugin.id(),
              ToolCaches.directory(plugin));
      this.future = calls.submit(() -> TenantContext.callAs(org, () -> call(plugin, context)));
    }

    boolean done() {
      return future.isDone();
    }

    void stop() {
      context.cancel();
      future.cancel(true);
    }

    Run await() {
      long cost = plugin.descriptor().costEstimateCredits();
      try {
        ToolResult result =
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return checked(plugin, result, files, start, cost);
      } catch (TimeoutException e) {
        stop();
        return new Run(
            outcome(
                plugin,
                PluginOutcome.Status.TIMED_OUT,
                "the plugin did not finish within " + settings.timeout(),
                start,
                0),
            Map.of(),
            true,
            start);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() instanceof Thrown t ? t.getCause() : e.getCause();
        boolean cancelled = cause instanceof ToolCancelledException;
        return new Run(
            outcome(
                plugin,
                cancelled ? PluginOutcome.Status.TIMED_OUT : PluginOutcome.Status.FAILED,
                describe(cause),
                start,
                0),
            Map.of(),
            false,
            start);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("Interrupted while running plugin " + plugin.id(), e);
      }
    }
  }

  private Run checked(
      InstalledPlugin plugin,
      ToolResult result,
      Map<String, String> files,
      Instant start,
      long cost) {
    ResultCheck.Checked checked;
    try {
      checked =
          ResultCheck.check(
              result,
              plugin.descriptor().produces(),
              files,
              settings.maxEdits(),
              settings.maxDiagnostics());
    } catch (ResultCheck.Invalid invalid) {
      return new Run(
          outcome(plugin, PluginOutcome.Status.INVALID_RESULT, invalid.getMessage(), start, 0),
          Map.of(),
          false,
          start);
    }
    Map<String, String> contents = new LinkedHashMap<>();
    for (FileEdit edit : checked.edits()) {
      contents.put(edit.path(), edit.newContent());
    }
    PluginOutcome outcome =
        new PluginOutcome(
            plugin.id(),
            plugin.version(),
            PluginOutcome.Status.SUCCEEDED,
            null,
            Duration.between(start, Instant.now()),
            checked.diagnostics(),
            checked.dropped(),
            List.copyOf(contents.keySet()),
            checked.rejected(),
            cost);
    return new Run(outcome, contents, false, start);
  }

  /** Captures the hold for a successful run, releases it otherwise: failures are not charged. */
  private void settle(UUID org, CreditRecords.Hold hold, PluginOutcome outcome) {
    if (hold == null) {
      return;
    }
    try {
      if (outcome.status() == PluginOutcome.Status.SUCCEEDED) {
        ledger.capture(org, hold.id(), hold.amount());
      } else {
        ledger.release(
            org, hold.id(), "plugin " + outcome.pluginId() + " " + outcome.status().id());
      }
    } catch (RuntimeException e) {
      log.warn(
          "Could not settle the credit hold of plugin {}: {}", outcome.pluginId(), e.toString());
    }
  }

  private static ToolResult call(InstalledPlugin plugin, RunContext context) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(plugin.tool().getClass().getClassLoader());
    try {
      return plugin.tool().run(context);
    } catch (Exception e) {
      throw new Thrown(e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** Carries a plugin's checked exception out of the tenant scope. */
  private static final class Thrown extends RuntimeException {
    Thrown(Exception cause) {
      super(cause);
    }
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    String text =
        cause.getClass().getSimpleName()
            + (message == null || message.isBlank() ? "" : ": " + message);
    return text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
  }

  private static PluginOutcome outcome(
      InstalledPlugin plugin, PluginOutcome.Status status, String error, Instant start, long cost) {
    return new PluginOutcome(
        plugin.id(),
        plugin.version(),
        status,
        error,
        Duration.between(start, Instant.now()),
        List.of(),
        0,
        List.of(),
        List.of(),
        cost);
  }

  private static Map<String, byte[]> bytes(Map<String, String> files) {
    Map<String, byte[]> bytes = new HashMap<>();
    files.forEach((path, content) -> bytes.put(path, content.getBytes(StandardCharsets.UTF_8)));
    return bytes;
  }

  /**
   * Stops the calls; a baseline being made is interrupted and waited for (it closes its sandbox).
   */
  @Override
  public void close() {
    baselines.shutdownNow();
    calls.shutdownNow();
    try {
      if (!baselines.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("A tool-cache baseline was still being made at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
