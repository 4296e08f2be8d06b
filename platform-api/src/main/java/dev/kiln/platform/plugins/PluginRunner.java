package dev.kiln.platform.plugins;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.CreditRecords;
import dev.kiln.billing.pricing.Operation;
import dev.kiln.platform.sandbox.SandboxAccess;
import dev.kiln.platform.tenancy.TenantContext;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.ToolCancelledException;
import dev.kiln.plugin.api.ToolResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final PluginHost host;
  private final PluginSwitches switches;
  private final PluginRunStore runs;
  private final PluginSettings settings;
  private final SandboxAccess sandboxes;
  private final CreditLedger ledger;
  private final MeterRegistry meters;
  private final ExecutorService calls =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kiln-plugin-", 0).factory());

  PluginRunner(
      PluginHost host,
      PluginSwitches switches,
      PluginRunStore runs,
      PluginSettings settings,
      SandboxAccess sandboxes,
      CreditLedger ledger,
      MeterRegistry meters) {
    this.host = host;
    this.switches = switches;
    this.runs = runs;
    this.settings = settings;
    this.sandboxes = sandboxes;
    this.ledger = ledger;
    this.meters = meters;
  }

  /** Paths no plugin sees or edits: dependencies and version control. */
  static boolean ignored(String path) {
    return path.equals("node_modules")
        || path.startsWith("node_modules/")
        || path.contains("/node_modules/")
        || path.equals(".git")
        || path.startsWith(".git/");
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
    SandboxSpec spec = spec(org, files);
    Sandbox sandbox = null;
    try {
      for (InstalledPlugin plugin : plugins) {
        if (sandbox == null) {
          sandbox = sandboxes.backend().open(spec);
          sandbox.upload(bytes(working));
        }
        Instant started = Instant.now();
        Run run = runOne(org, runRef, plugin, working, sandbox);
        PluginOutcome outcome = run.outcome();
        if (!outcome.editsApplied().isEmpty()) {
          Map<String, String> changed = new HashMap<>();
          outcome.editsApplied().forEach(p -> changed.put(p, run.contents().get(p)));
          working.putAll(changed);
          sandbox.upload(bytes(changed));
        }
        if (run.taintedSandbox()) {
          // a command of a plugin that timed out may still be running in it
          sandbox.close();
          sandbox = null;
        }
        TenantContext.callAs(
            org,
            () -> {
              runs.insert(org, runRef, outcome, started);
              return null;
            });
        meters
            .timer("kiln.plugin.runs", "plugin", plugin.id(), "outcome", outcome.status().id())
            .record(outcome.took());
        outcomes.add(outcome);
        onResult.accept(outcome);
      }
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
    return new PluginRunReport(working, outcomes);
  }

  private SandboxSpec spec(UUID org, Map<String, String> files) {
    SandboxSpec spec =
        new SandboxSpec(
            sandboxes.image(),
            SandboxSpec.Limits.defaults()
                .withWallTime(settings.timeout().multipliedBy(FIRST.size() + 2))
                .withOutputBytes(SANDBOX_OUTPUT),
            SandboxSpec.NetworkPolicy.NONE,
            org.toString());
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
    }
    return spec;
  }

  /** One plugin's outcome and, for applied edits, the new contents. */
  private record Run(PluginOutcome outcome, Map<String, String> contents, boolean taintedSandbox) {}

  private Run runOne(
      UUID org, String runRef, InstalledPlugin plugin, Map<String, String> files, Sandbox sandbox) {
    long cost = plugin.descriptor().costEstimateCredits();
    Instant start = Instant.now();
    CreditRecords.Hold hold = null;
    if (cost > 0) {
      try {
        hold =
            ledger.reserve(
                org,
                Operation.PLUGIN_RUN.id(),
                cost,
                runRef + "/" + plugin.id(),
                "plugin:" + runRef + ":" + plugin.id());
      } catch (RuntimeException e) {
        return new Run(
            outcome(plugin, PluginOutcome.Status.NO_CREDITS, e.getMessage(), start, 0),
            Map.of(),
            false);
      }
    }
    RunContext context =
        new RunContext(org.toString(), files, sandbox, start.plus(settings.timeout()), plugin.id());
    Future<ToolResult> call =
        calls.submit(() -> TenantContext.callAs(org, () -> call(plugin, context)));
    Run run;
    try {
      ToolResult result = call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      run = checked(plugin, result, files, start, cost);
    } catch (TimeoutException e) {
      context.cancel();
      call.cancel(true);
      run =
          new Run(
              outcome(
                  plugin,
                  PluginOutcome.Status.TIMED_OUT,
                  "the plugin did not finish within " + settings.timeout(),
                  start,
                  0),
              Map.of(),
              true);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof Thrown t ? t.getCause() : e.getCause();
      boolean cancelled = cause instanceof ToolCancelledException;
      run =
          new Run(
              outcome(
                  plugin,
                  cancelled ? PluginOutcome.Status.TIMED_OUT : PluginOutcome.Status.FAILED,
                  describe(cause),
                  start,
                  0),
              Map.of(),
              false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      context.cancel();
      call.cancel(true);
      throw new IllegalStateException("Interrupted while running plugin " + plugin.id(), e);
    }
    settle(org, hold, run.outcome());
    return run;
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
          false);
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
    return new Run(outcome, contents, false);
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

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
