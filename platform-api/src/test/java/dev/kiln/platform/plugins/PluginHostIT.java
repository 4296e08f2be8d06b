package dev.kiln.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.plugin.api.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The plugin host in the running platform, with the real built-in plugins (Prettier, ESLint and tsc
 * in a Docker sandbox on dependencies installed through the cache), the sample third-party plugin,
 * and test plugins that count, throw, hang, return garbage, edit outside the project or need
 * another SDK.
 */
@KilnIntegrationTest
@TestPropertySource(
    properties = {
      "kiln.admin.email=plugins-admin@example.com",
      "kiln.admin.password=plugins-admin-pw",
      "kiln.plugins.timeout=20s"
    })
class PluginHostIT {

  static final Path DIR = Path.of("target/plugin-host-it/plugins").toAbsolutePath();
  static final Path SAMPLE =
      Path.of("../plugins/example-no-console/target/example-no-console-1.0.0.jar");

  @DynamicPropertySource
  static void plugins(DynamicPropertyRegistry registry) throws IOException {
    if (Files.exists(DIR)) {
      try (var files = Files.walk(DIR)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(DIR);
    TestPlugins.jar(
        DIR,
        "counter",
        "1.0.0",
        ">=1.0.0 & <2.0.0",
        "Counter",
        2,
        """
        List<Diagnostic> found = new ArrayList<>();
        for (String path : context.files().paths()) {
          String content = context.files().get(path).orElseThrow().content();
          if (content.contains("TODO")) {
            found.add(new Diagnostic(path, 1, 1, Severity.INFO, "todo", "a TODO is left"));
          }
        }
        return ToolResult.ofDiagnostics(found);
        """);
    TestPlugins.jar(
        DIR,
        "thrower",
        "1.0.0",
        ">=1.0.0",
        "Thrower",
        1,
        "throw new IllegalStateException(\"boom from a broken plugin\");");
    TestPlugins.jar(
        DIR,
        "sleeper",
        "1.0.0",
        ">=1.0.0",
        "Sleeper",
        1,
        """
        for (int i = 0; i < 3; i++) {
          try { Thread.sleep(40_000); } catch (InterruptedException ignored) { }
        }
        return ToolResult.empty();
        """);
    TestPlugins.jar(DIR, "garbage", "1.0.0", ">=1.0.0", "Garbage", 1, "return null;");
    TestPlugins.jar(
        DIR,
        "escaper",
        "1.0.0",
        ">=1.0.0",
        "Escaper",
        1,
        """
        return ToolResult.ofEdits(List.of(
            new FileEdit("node_modules/evil.js", "owned", ProjectFile.sha(""))));
        """);
    TestPlugins.jar(DIR, "future", "3.0.0", ">=2.0.0", "Future", 1, "return ToolResult.empty();");
    if (!Files.isRegularFile(SAMPLE)) {
      throw new IllegalStateException(
          SAMPLE + " is missing: build plugins/example-no-console first (./kiln test does)");
    }
    Files.copy(SAMPLE, DIR.resolve("example-no-console.jar"), StandardCopyOption.REPLACE_EXISTING);
    registry.add("kiln.plugins.dir", DIR::toString);
  }

  @LocalServerPort int port;
  @Autowired PluginRunner runner;
  Api api;
  KilnFixtures fixtures;
  TestUser owner;
  TestUser viewer;
  UUID org;
  String admin;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    owner = fixtures.signUp("Plugin Owner");
    viewer = fixtures.signUp("Plugin Viewer");
    org = fixtures.createOrg(owner, "Plugged");
    fixtures.join(owner, org, viewer, "viewer");
    admin = fixtures.logIn("plugins-admin@example.com", "plugins-admin-pw");
  }

  @Test
  void adminsSeeEveryPluginAndWhyOneWasRefused() {
    Api.Response all = api.get("/api/v1/admin/plugins", admin);
    assertThat(all.status()).isEqualTo(200);
    Map<String, JsonNode> byId = byId(all.json());
    assertThat(byId)
        .containsKeys(
            "kiln-prettier",
            "kiln-eslint",
            "kiln-tsc",
            "example-no-console",
            "counter",
            "thrower",
            "future");
    assertThat(byId.get("kiln-prettier").get("state").asString()).isEqualTo("started");
    assertThat(byId.get("kiln-prettier").get("plugin").get("tool").asString())
        .isEqualTo("prettier");
    JsonNode future = byId.get("future");
    assertThat(future.get("state").asString()).isEqualTo("refused");
    assertThat(future.get("refusal").asString())
        .contains("requires SDK \">=2.0.0\"")
        .contains("plugin-api 1.1.0")
        .contains("rebuild against dev.kiln:plugin-api 1.x or upgrade Kiln");
    assertThat(api.get("/api/v1/admin/plugins", owner.accessToken()).status()).isEqualTo(403);
  }

  @Test
  void usersSeeWhatIsAvailableAndWhatRunsForTheirOrg() {
    Api.Response available = api.get("/api/v1/plugins", viewer.accessToken());
    assertThat(available.status()).isEqualTo(200);
    Map<String, JsonNode> byId = byId(available.json());
    assertThat(byId).containsKeys("kiln-prettier", "kiln-eslint", "kiln-tsc", "example-no-console");
    assertThat(byId).doesNotContainKey("future");
    JsonNode tsc = byId.get("kiln-tsc");
    assertThat(tsc.get("produces").toString()).contains("DIAGNOSTICS");
    assertThat(tsc.get("costEstimateCredits").asLong()).isPositive();
    assertThat(tsc.get("sdkRange").asString()).isEqualTo(">=1.1.0 & <2.0.0");

    Api.Response mine = api.get("/api/v1/orgs/" + org + "/plugins", viewer.accessToken());
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().get(0).get("runs").asBoolean()).isTrue();
  }

  @Test
  void ownersSwitchPluginsForTheirOrgAndAdminsForEveryone() {
    String path = "/api/v1/orgs/" + org + "/plugins/counter";
    assertThat(api.put(path, viewer.accessToken(), Map.of("enabled", false)).status())
        .isEqualTo(403);
    Api.Response off = api.put(path, owner.accessToken(), Map.of("enabled", false));
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().get("runs").asBoolean()).isFalse();
    assertThat(dev.kiln.platform.tenancy.TenantContext.callAs(org, () -> runner.enabledFor(org)))
        .extracting(InstalledPlugin::id)
        .contains("kiln-tsc")
        .doesNotContain("counter");
    assertThat(
            api.put(
                    "/api/v1/orgs/" + org + "/plugins/nope",
                    owner.accessToken(),
                    Map.of("enabled", true))
                .json()
                .get("type")
                .asString())
        .endsWith("/plugin-not-found");
    assertThat(api.put(path, owner.accessToken(), Map.of()).status()).isEqualTo(400);

    assertThat(api.put("/api/v1/admin/plugins/thrower", admin, Map.of("enabled", false)).status())
        .isEqualTo(200);
    assertThat(byId(api.get("/api/v1/plugins", viewer.accessToken()).json()))
        .doesNotContainKey("thrower");
    assertThat(api.put("/api/v1/admin/plugins/thrower", admin, Map.of("enabled", true)).status())
        .isEqualTo(200);
  }

  @Test
  void adminsUnloadLoadAndReloadWithoutARestart() throws Exception {
    Api.Response unloaded = api.post("/api/v1/admin/plugins/counter/unload", admin, Map.of());
    assertThat(unloaded.status()).isEqualTo(200);
    assertThat(byId(api.get("/api/v1/plugins", viewer.accessToken()).json()))
        .doesNotContainKey("counter");
    Api.Response loaded = api.post("/api/v1/admin/plugins/load", admin, Map.of());
    assertThat(loaded.status()).isEqualTo(200);
    assertThat(byId(loaded.json())).containsKey("counter");

    TestPlugins.jar(
        DIR, "counter", "1.1.0", ">=1.0.0 & <2.0.0", "Counter", 2, "return ToolResult.empty();");
    Api.Response reloaded = api.post("/api/v1/admin/plugins/counter/reload", admin, Map.of());
    assertThat(reloaded.status()).isEqualTo(200);
    assertThat(reloaded.json().get("version").asString()).isEqualTo("1.1.0");

    TestPlugins.jar(DIR, "counter", "2.0.0", ">=2.0.0", "Counter", 2, "return ToolResult.empty();");
    Api.Response refused = api.post("/api/v1/admin/plugins/counter/reload", admin, Map.of());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("type").asString()).endsWith("/plugin-refused");
    assertThat(refused.json().get("detail").asString()).contains("rebuild against");

    TestPlugins.jar(
        DIR, "counter", "1.0.0", ">=1.0.0 & <2.0.0", "Counter", 2, "return ToolResult.empty();");
    assertThat(api.post("/api/v1/admin/plugins/counter/reload", admin, Map.of()).status())
        .isEqualTo(200);
    assertThat(api.post("/api/v1/admin/plugins/nope/reload", admin, Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void aRunAppliesTheBuiltInsInOrderAndIsolatesBrokenPlugins() throws Exception {
    Map<String, String> files = new java.util.LinkedHashMap<>(project());
    List<PluginOutcome> seen = Collections.synchronizedList(new ArrayList<>());
    String runRef = "gen-" + UUID.randomUUID();

    PluginRunReport report = runner.run(org, runRef, files, seen::add);

    Map<String, PluginOutcome> by =
        report.outcomes().stream().collect(Collectors.toMap(PluginOutcome::pluginId, o -> o));
    assertThat(ids(report.outcomes()).subList(0, 3))
        .containsExactly("kiln-prettier", "kiln-eslint", "kiln-tsc");
    assertThat(seen).isEqualTo(report.outcomes());
    assertThat(by).doesNotContainKey("future");

    PluginOutcome prettier = by.get("kiln-prettier");
    assertThat(prettier.status()).as(prettier.error()).isEqualTo(PluginOutcome.Status.SUCCEEDED);
    assertThat(prettier.editsApplied()).contains("src/ugly.ts");
    assertThat(report.files().get("src/ugly.ts")).isEqualTo("export const a = { b: 1 };\n");

    PluginOutcome eslint = by.get("kiln-eslint");
    assertThat(eslint.status()).as(eslint.error()).isEqualTo(PluginOutcome.Status.SUCCEEDED);
    assertThat(eslint.diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.file()).isEqualTo("src/util.js");
              assertThat(d.rule()).isEqualTo("prefer-const");
              assertThat(d.line()).isEqualTo(1);
            });
    assertThat(eslint.editsApplied()).contains("src/util.js");
    assertThat(report.files().get("src/util.js")).startsWith("const total = 1;");

    PluginOutcome tsc = by.get("kiln-tsc");
    assertThat(tsc.status()).as(tsc.error()).isEqualTo(PluginOutcome.Status.SUCCEEDED);
    assertThat(tsc.diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.file()).isEqualTo("src/types.ts");
              assertThat(d.rule()).isEqualTo("TS2322");
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.column()).isEqualTo(7);
            });
    assertThat(report.errors()).extracting(Diagnostic::rule).contains("TS2322");

    assertThat(by.get("example-no-console").diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.file()).isEqualTo("app/page.tsx");
              assertThat(d.line()).isEqualTo(2);
            });
    assertThat(by.get("counter").status()).isEqualTo(PluginOutcome.Status.SUCCEEDED);
    assertThat(by.get("counter").diagnostics())
        .extracting(Diagnostic::file)
        .contains("src/util.js");

    assertThat(by.get("thrower").status()).isEqualTo(PluginOutcome.Status.FAILED);
    assertThat(by.get("thrower").error()).contains("boom from a broken plugin");
    assertThat(by.get("sleeper").status()).isEqualTo(PluginOutcome.Status.TIMED_OUT);
    assertThat(by.get("garbage").status()).isEqualTo(PluginOutcome.Status.INVALID_RESULT);
    assertThat(by.get("garbage").error()).contains("no result");
    assertThat(by.get("escaper").status()).isEqualTo(PluginOutcome.Status.INVALID_RESULT);
    assertThat(by.get("escaper").error()).contains("outside the project");
    assertThat(report.files()).doesNotContainKey("node_modules/evil.js");

    // Metering: only successful runs are charged, every hold settled.
    long charged = report.outcomes().stream().mapToLong(PluginOutcome::credits).sum();
    assertThat(by.get("thrower").credits()).isZero();
    assertThat(charged).isEqualTo(1 + 1 + 1 + 1 + 2);
    JsonNode credits = api.get("/api/v1/orgs/" + org + "/credits", viewer.accessToken()).json();
    assertThat(credits.get("held").asLong()).isZero();
    assertThat(credits.get("balance").asLong()).isEqualTo(100 - charged);

    // Every run is recorded.
    Api.Response runs =
        api.get("/api/v1/orgs/" + org + "/plugins/runs?runRef=" + runRef, viewer.accessToken());
    assertThat(runs.status()).isEqualTo(200);
    Map<String, JsonNode> recorded = new java.util.HashMap<>();
    runs.json().forEach(r -> recorded.put(r.get("pluginId").asString(), r));
    assertThat(recorded.keySet()).isEqualTo(by.keySet());
    assertThat(recorded.get("sleeper").get("outcome").asString()).isEqualTo("timed_out");
    assertThat(recorded.get("kiln-prettier").get("editsApplied").toString())
        .contains("src/ugly.ts");
    assertThat(recorded.get("kiln-tsc").get("diagnostics").toString()).contains("TS2322");
  }

  /** A small TypeScript project with a formatting slip, a lint error, a type error and a log. */
  static Map<String, String> project() throws Exception {
    String manifest =
        """
        {"name": "demo", "private": true, "version": "1.0.0",
         "devDependencies": {"eslint": "9.39.5", "prettier": "3.10.1", "typescript": "5.9.3"}}
        """;
    return Map.of(
        "package.json",
        manifest,
        "package-lock.json",
        lockfile(manifest),
        "eslint.config.mjs",
        "export default [{ files: [\"**/*.js\"], rules: { \"prefer-const\": \"error\" } }];\n",
        "tsconfig.json",
        """
        {"compilerOptions": {"target": "ES2022", "module": "esnext", "moduleResolution": "bundler",
          "strict": true, "noEmit": true, "skipLibCheck": true}, "include": ["src/**/*.ts"]}
        """,
        "src/util.js",
        "let total = 1;\nexport function check(value) {\n  return value === total; // TODO\n}\n",
        "src/types.ts",
        "const count: number = \"three\";\nexport { count };\n",
        "src/ugly.ts",
        "export const a = {b:1}\n",
        "app/page.tsx",
        "export default function Page() {\n  console.log(\"rendering\");\n  return null;\n}\n");
  }

  /** The lockfile npm writes for the manifest (the registry is reachable from the host). */
  private static String lockfile(String manifest) throws Exception {
    Path dir = Files.createTempDirectory("kiln-plugin-lock");
    Files.writeString(dir.resolve("package.json"), manifest);
    Process npm =
        new ProcessBuilder(
                "npm",
                "install",
                "--package-lock-only",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(npm.getInputStream().readAllBytes());
    assertThat(npm.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(npm.exitValue()).as(out).isZero();
    return Files.readString(dir.resolve("package-lock.json"));
  }

  private static List<String> ids(List<PluginOutcome> outcomes) {
    return outcomes.stream().map(PluginOutcome::pluginId).toList();
  }

  private static Map<String, JsonNode> byId(JsonNode list) {
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    list.forEach(
        p ->
            byId.put(
                p.has("id") ? p.get("id").asString() : p.get("plugin").get("id").asString(), p));
    return byId;
  }
}
