package dev.kiln.platform.bench;

import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.generation.template.TemplateEngine;
import dev.kiln.platform.plugins.PluginOutcome;
import dev.kiln.platform.plugins.PluginRunReport;
import dev.kiln.platform.plugins.PluginRunner;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.TestInfrastructure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The built-in tool plugins (Prettier, ESLint, tsc, loaded by the platform's plugin host from the
 * built-in plugin archives) on generated apps, through {@link PluginRunner#run}: one network-less
 * sandbox from the warm pool, dependencies from the cache. One untimed warm-up run fills the
 * dependency cache (the benchmark's own, {@code bench.cache}, kept between runs); then three
 * scenarios of {@code bench.runs} timed runs each (default 10): a new org's first app (no tool
 * cache yet), the org's next apps (each a different app, the tool caches left by the previous), and
 * the same app again. Each reports min/p50/max of a whole run and of each plugin's {@link
 * PluginOutcome#took()}. Not a test: run with {@code ./kiln bench plugins}.
 */
public final class PluginsBenchmark {

  static final String PROMPT = "a CRM for a dental clinic with patients, appointments and invoices";
  private static final int RUNS = Integer.getInteger("bench.runs", 10);

  /** Other generated apps, for an org's next app. */
  static final List<String> OTHER_APPS =
      List.of(
          "a kanban board with boards, columns and tasks",
          "a recipe site where users rate recipes",
          "an inventory tracker for a small warehouse",
          "a booking system for a yoga studio",
          "a blog with posts, authors and comments");

  private PluginsBenchmark() {}

  public static void main(String[] args) {
    int status = 1;
    ConfigurableApplicationContext app = null;
    try {
      app =
          new SpringApplicationBuilder(KilnApplication.class).run(arguments("kiln-bench-plugins"));
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      run(app.getBean(PluginRunner.class), new KilnFixtures(new Api(port)), home(app));
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      if (app != null) {
        app.close();
      }
      System.exit(status);
    }
  }

  /**
   * The platform's arguments for a benchmark: a fresh database and home, the shared broker, the
   * benchmark's dependency cache, and credits enough for every run.
   */
  static String[] arguments(String home) throws Exception {
    return new String[] {
      "--server.port=0",
      "--kiln.database.url=" + TestInfrastructure.newDatabase(),
      "--kiln.database.user=postgres",
      "--kiln.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
      "--kiln.home=" + Files.createTempDirectory(home),
      "--kiln.sandbox.cache=" + cache(),
      "--kiln.billing.free-monthly-credits=100000",
      "--kiln.auth.bcrypt-strength=4",
      "--logging.level.root=WARN"
    };
  }

  /** The platform's home directory. */
  static Path home(ConfigurableApplicationContext app) {
    return Path.of(app.getEnvironment().getRequiredProperty("kiln.home"));
  }

  /**
   * Waits until the tool-cache baseline of the built-ins exists (the warm-up's run has it made in
   * the background), so that no timed run shares the machine with its making.
   */
  static void awaitBaseline(Path home) throws InterruptedException, IOException {
    Path baselines = home.resolve("cache/tools").resolve(new UUID(0, 0).toString());
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(baselines)) {
        try (Stream<Path> walk = Files.walk(baselines, 2)) {
          List<String> names = walk.map(p -> p.getFileName().toString()).toList();
          if (Stream.of("kiln-prettier@", "kiln-eslint@", "kiln-tsc@")
              .allMatch(id -> names.stream().anyMatch(n -> n.startsWith(id)))) {
            System.out.printf(
                "tool-cache baseline ready after another %.1f s%n",
                (System.nanoTime() - start) / 1e9);
            return;
          }
        }
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("No tool-cache baseline under " + baselines);
  }

  /** {@code bench.cache}, else {@code target/bench-deps-cache} of platform-api; absolute. */
  static Path cache() {
    String configured = System.getProperty("bench.cache");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    Path module =
        Files.isDirectory(Path.of("platform-api")) ? Path.of("platform-api") : Path.of("");
    return module.resolve("target/bench-deps-cache").toAbsolutePath();
  }

  private static void run(PluginRunner runner, KilnFixtures fixtures, Path home)
      throws InterruptedException, IOException {
    TemplateEngine engine = new TemplateEngine();
    Map<String, String> dental = engine.render(engine.plan(PROMPT)).files();
    System.out.printf(
        "%nApp: \"%s\", %d files; %d runs per scenario after a warm-up; load average %s%n",
        PROMPT, dental.size(), RUNS, loadAverage());

    long warmStart = System.nanoTime();
    UUID first = fixtures.signUp("Bench Plugins Warm-up").personalOrg();
    PluginRunReport warm = runner.run(first, "bench-warm-up", dental, o -> {});
    System.out.printf(
        "warm-up (fills the dependency cache): %.1f s, %s%n",
        (System.nanoTime() - warmStart) / 1e9, statuses(warm));
    awaitBaseline(home);

    Timings cold = new Timings("new org, its first app (the baseline's tool caches)");
    for (int i = 0; i < RUNS; i++) {
      UUID org = fixtures.signUp("Bench Plugins " + i).personalOrg();
      String ref = "bench-cold-" + i;
      cold.add(i, () -> runner.run(org, ref, dental, o -> {}));
    }
    Timings next = new Timings("the org's next app (tool cache from its previous ones)");
    Map<String, String> latest = dental;
    for (int i = 0; i < RUNS; i++) {
      Map<String, String> app =
          engine.render(engine.plan(OTHER_APPS.get(i % OTHER_APPS.size()))).files();
      String ref = "bench-next-" + i;
      next.add(i, () -> runner.run(first, ref, app, o -> {}));
      latest = app;
    }
    Timings again = new Timings("the same app again (a follow-up that changed little)");
    Map<String, String> last = latest;
    for (int i = 0; i < RUNS; i++) {
      String ref = "bench-again-" + i;
      again.add(i, () -> runner.run(first, ref, last, o -> {}));
    }
    System.out.printf("%n| what | runs | min s | p50 s | max s |%n|---|---|---|---|---|%n");
    for (Timings timings : List.of(cold, next, again)) {
      System.out.print(timings.rows());
    }
    System.out.printf("%nLoad average after: %s%n", loadAverage());
  }

  /** Whole runs and each plugin's time in one scenario. */
  private static final class Timings {
    private final String scenario;
    private final long[] whole = new long[RUNS];
    private final Map<String, long[]> perPlugin = new LinkedHashMap<>();

    Timings(String scenario) {
      this.scenario = scenario;
    }

    /** Times one whole run and records each plugin's own time; every plugin must succeed. */
    void add(int i, Supplier<PluginRunReport> run) {
      long start = System.nanoTime();
      PluginRunReport report = run.get();
      whole[i] = System.nanoTime() - start;
      for (PluginOutcome o : report.outcomes()) {
        if (o.status() != PluginOutcome.Status.SUCCEEDED) {
          throw new IllegalStateException(o.pluginId() + " " + o.status() + ": " + o.error());
        }
        perPlugin.computeIfAbsent(o.pluginId(), id -> new long[RUNS])[i] = o.took().toNanos();
      }
      System.out.printf(
          "%s, run %d: %.2f s (load %s), %s%n",
          scenario, i + 1, whole[i] / 1e9, loadAverage(), statuses(report));
    }

    String rows() {
      StringBuilder rows = new StringBuilder(row(scenario + ": whole run", whole));
      perPlugin.forEach((id, took) -> rows.append(row(scenario + ": " + id, took)));
      return rows.toString();
    }
  }

  private static String statuses(PluginRunReport report) {
    List<String> parts = new ArrayList<>();
    for (PluginOutcome o : report.outcomes()) {
      parts.add(
          String.format(
              "%s %s %.2f s (%d diagnostics, %d edits)",
              o.pluginId(),
              o.status().name().toLowerCase(java.util.Locale.ROOT),
              o.took().toMillis() / 1e3,
              o.diagnostics().size() + o.diagnosticsDropped(),
              o.editsApplied().size()));
    }
    return String.join("; ", parts);
  }

  private static String row(String what, long[] nanos) {
    return String.format(
        "| %s | %d | %.2f | %.2f | %.2f |%n",
        what,
        nanos.length,
        quantile(nanos, 0) / 1e9,
        quantile(nanos, 0.5) / 1e9,
        quantile(nanos, 1) / 1e9);
  }

  /** Nearest rank: 0 is the minimum, 1 the maximum. */
  static long quantile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)];
  }

  /** The 1, 5 and 15 minute load averages, for the figures' machine condition. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException e) {
      return String.format(
          "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
