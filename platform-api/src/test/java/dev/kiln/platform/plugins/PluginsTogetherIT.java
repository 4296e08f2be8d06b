package dev.kiln.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.plugin.api.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The built-ins with diagnostics-only plugins after them: every diagnostics-only plugin after the
 * last editing one (ESLint) starts with the first plugin (Prettier) and runs beside the editors;
 * one that read a file ESLint then fixed runs again on the fixed file, one still running when
 * ESLint fixed it is stopped and started again, each charged once; and the tools' caches are kept
 * per org.
 */
@KilnIntegrationTest
class PluginsTogetherIT {

  static final Path WORK = Path.of("target/plugins-together-it").toAbsolutePath();
  static final Path DIR = WORK.resolve("plugins");
  static final Path CACHE = WORK.resolve("tool-cache");

  /** Reports, per run of it, what it saw of src/util.js in its snapshot and in the sandbox. */
  private static final String PEEK =
      """
      int n = RUNS.incrementAndGet();
      String snapshot = context.files().get("src/util.js").orElseThrow().content().lines()
          .findFirst().orElse("");
      String sandbox = context.sandbox().exec(List.of("head", "-n", "1", "src/util.js"),
          java.time.Duration.ofSeconds(20)).stdout().strip();
      return ToolResult.ofDiagnostics(List.of(new Diagnostic("src/util.js", 1, 1,
          Severity.INFO, "peek", "run " + n + ": " + snapshot + " | " + sandbox)));
      """;

  /**
   * Like {@link #PEEK}, but its first run sleeps 30 s in the sandbox first: it is still running
   * when ESLint fixes src/util.js.
   */
  private static final String SLOW_PEEK =
      """
      int n = RUNS.incrementAndGet();
      String sandbox = context.sandbox().exec(List.of("sh", "-c",
          (n == 1 ? "sleep 30; " : "") + "head -n 1 src/util.js"),
          java.time.Duration.ofSeconds(60)).stdout().strip();
      return ToolResult.ofDiagnostics(List.of(new Diagnostic("src/util.js", 1, 1,
          Severity.INFO, "slowpeek", "run " + n + ": " + sandbox)));
      """;

  @DynamicPropertySource
  static void plugins(DynamicPropertyRegistry registry) throws IOException {
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(DIR);
    counting("peek", "Peek", "**/*.js", PEEK);
    counting(
        "glance",
        "Glance",
        "**/*.md",
        "return ToolResult.ofDiagnostics(List.of(new Diagnostic(\"\", 0, 0,"
            + " Severity.INFO, \"glance\", \"run \" + RUNS.incrementAndGet())));");
    counting("slowpeek", "SlowPeek", "**/*.js", SLOW_PEEK);
    Files.copy(PluginHostIT.SAMPLE, DIR.resolve("example-no-console.jar"));
    registry.add("kiln.plugins.dir", DIR::toString);
    registry.add("kiln.plugins.tool-cache", CACHE::toString);
  }

  /**
   * A diagnostics-only test plugin reading {@code glob}, with a counter {@code RUNS} of its runs
   * for {@code body} to use.
   */
  private static void counting(String id, String className, String glob, String body)
      throws IOException {
    TestPlugins.jar(
        DIR,
        id,
        "1.0.0",
        ">=1.0.0",
        className,
        1,
        "List.of(\"" + glob + "\")",
        "Set.of(Produces.DIAGNOSTICS)",
        "return look(context); }\n"
            + "static final java.util.concurrent.atomic.AtomicInteger RUNS ="
            + " new java.util.concurrent.atomic.AtomicInteger();\n"
            + "static ToolResult look(ToolContext context) throws Exception {\n"
            + body);
  }

  @LocalServerPort int port;
  @Autowired PluginRunner runner;

  @Test
  void diagnosticsOnlyPluginsRunBesideTheLastEditorAndAgainWhenItChangedWhatTheyRead()
      throws Exception {
    Api api = new Api(port);
    KilnFixtures fixtures = new KilnFixtures(api);
    KilnFixtures.TestUser owner = fixtures.signUp("Together Owner");
    UUID org = fixtures.createOrg(owner, "Together");
    Map<String, String> files = PluginHostIT.project();
    String runRef = "gen-" + UUID.randomUUID();

    PluginRunReport report = runner.run(org, runRef, files, o -> {});

    Map<String, PluginOutcome> by =
        report.outcomes().stream().collect(Collectors.toMap(PluginOutcome::pluginId, o -> o));
    assertThat(report.outcomes())
        .extracting(PluginOutcome::pluginId)
        .containsExactly(
            "kiln-prettier",
            "kiln-eslint",
            "kiln-tsc",
            "example-no-console",
            "glance",
            "peek",
            "slowpeek");
    assertThat(report.outcomes())
        .allSatisfy(
            o ->
                assertThat(o.status())
                    .as(o.pluginId() + ": " + o.error())
                    .isEqualTo(PluginOutcome.Status.SUCCEEDED));
    assertThat(by.get("kiln-eslint").editsApplied()).containsExactly("src/util.js");

    // peek read src/util.js before ESLint fixed it, so it ran again on the fixed file, in the
    // snapshot and in the sandbox; glance reads no file ESLint changed and ran once.
    assertThat(by.get("peek").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("run 2: const total = 1; | const total = 1;");
    assertThat(by.get("glance").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("run 1");
    // slowpeek started with Prettier and was still sleeping when ESLint fixed src/util.js: its
    // command was killed and it started again on the fixed file, long before its sleep would end.
    assertThat(by.get("slowpeek").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("run 2: const total = 1;");
    assertThat(by.get("slowpeek").took()).isLessThan(java.time.Duration.ofSeconds(25));
    // tsc still sees prettier's edit (it ran before) and reports the type error where it is.
    assertThat(by.get("kiln-tsc").diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.file()).isEqualTo("src/types.ts");
              assertThat(d.line()).isEqualTo(1);
            });

    // tsc started before Prettier finished: the diagnostics-only plugins start with the first one.
    Map<String, JsonNode> recorded = new HashMap<>();
    api.get("/api/v1/orgs/" + org + "/plugins/runs?runRef=" + runRef, owner.accessToken())
        .json()
        .forEach(r -> recorded.put(r.get("pluginId").asString(), r));
    Instant prettierStart =
        Instant.parse(recorded.get("kiln-prettier").get("startedAt").asString());
    Instant prettierEnd =
        prettierStart.plusMillis(recorded.get("kiln-prettier").get("durationMs").asLong());
    Instant tscStart = Instant.parse(recorded.get("kiln-tsc").get("startedAt").asString());
    assertThat(tscStart).isBefore(prettierEnd);

    // Each plugin is charged its estimate once, peek included.
    JsonNode credits = api.get("/api/v1/orgs/" + org + "/credits", owner.accessToken()).json();
    assertThat(credits.get("held").asLong()).isZero();
    assertThat(credits.get("balance").asLong()).isEqualTo(100 - 7);

    // The tools' caches are kept for this org, per dependencies and plugin version.
    Path orgCache = CACHE.resolve(org.toString());
    assertThat(files(orgCache))
        .anyMatch(p -> p.endsWith("kiln-tsc@" + by.get("kiln-tsc").version() + "/tsbuildinfo"))
        .anyMatch(p -> p.contains("/kiln-eslint@") && p.endsWith("/eslintcache"))
        .anyMatch(p -> p.contains("/kiln-prettier@") && p.endsWith("/formatted.json"));

    // A second run on the same files is warm and gives the same results.
    PluginRunReport warm = runner.run(org, runRef + "-again", files, o -> {});
    assertThat(diagnostics(warm, "kiln-tsc")).isEqualTo(diagnostics(report, "kiln-tsc"));
    assertThat(diagnostics(warm, "kiln-eslint")).isEqualTo(diagnostics(report, "kiln-eslint"));
    assertThat(warm.files()).isEqualTo(report.files());

    // Another org starts cold: nothing of the first org's caches is handed to it.
    UUID other = fixtures.createOrg(owner, "Elsewhere");
    assertThat(CACHE.resolve(other.toString())).doesNotExist();
    PluginRunReport elsewhere = runner.run(other, "gen-" + UUID.randomUUID(), files, o -> {});
    assertThat(diagnostics(elsewhere, "kiln-tsc")).isEqualTo(diagnostics(report, "kiln-tsc"));
    assertThat(files(CACHE.resolve(other.toString()))).isNotEmpty();
  }

  private static List<Diagnostic> diagnostics(PluginRunReport report, String plugin) {
    return report.outcomes().stream()
        .filter(o -> o.pluginId().equals(plugin))
        .findFirst()
        .orElseThrow()
        .diagnostics();
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(Path::toString).toList();
    }
  }
}
