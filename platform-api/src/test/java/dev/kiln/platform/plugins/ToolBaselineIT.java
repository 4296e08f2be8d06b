package dev.kiln.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.generation.template.TemplateEngine;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.sandbox.DependencyCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The tool-cache baseline: an org's first run on the template's dependency set has the built-ins
 * make one in the background from the platform's own project (the CRM starter), holding nothing of
 * that org's app; the next new org's first run starts from it, and keeps its own cache after.
 */
@KilnIntegrationTest
class ToolBaselineIT {

  static final Path WORK = Path.of("target/tool-baseline-it").toAbsolutePath();
  static final Path CACHE = WORK.resolve("tool-cache");
  static final List<String> BUILT_INS = List.of("kiln-prettier", "kiln-eslint", "kiln-tsc");

  @DynamicPropertySource
  static void caches(DynamicPropertyRegistry registry) throws IOException {
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(CACHE);
    registry.add("kiln.plugins.tool-cache", CACHE::toString);
  }

  @LocalServerPort int port;
  @Autowired PluginRunner runner;
  @Autowired PluginHost host;
  @Autowired ToolCaches caches;
  @Autowired TemplateEngine engine;

  @Test
  void aNewOrgsFirstRunStartsFromTheBaselineMadeFromThePlatformsOwnProject() throws Exception {
    KilnFixtures fixtures = new KilnFixtures(new Api(port));
    KilnFixtures.TestUser owner = fixtures.signUp("Baseline Owner");
    Map<String, String> recipes =
        engine.render(engine.plan("a recipe site where users rate recipes")).files();
    String deps =
        DependencyCache.hash(
            recipes.get("package.json").getBytes(StandardCharsets.UTF_8),
            recipes.get("package-lock.json").getBytes(StandardCharsets.UTF_8));
    Path baseline = CACHE.resolve(ToolCaches.BASELINE.toString()).resolve(deps);

    // The first org's first run: no cache anywhere; the baseline is made after it.
    UUID first = fixtures.createOrg(owner, "First");
    PluginRunReport cold = runner.run(first, "gen-" + UUID.randomUUID(), recipes, o -> {});
    assertThat(cold.outcomes())
        .allSatisfy(
            o -> assertThat(o.status()).as(o.error()).isEqualTo(PluginOutcome.Status.SUCCEEDED));
    awaitBaseline(baseline);

    // The org's own cache names its recipes; the baseline has nothing of them, only the CRM's.
    Map<String, String> own = texts(CACHE.resolve(first.toString()).resolve(deps));
    Map<String, String> made = texts(baseline);
    assertThat(own.values()).anyMatch(text -> text.contains("recipe"));
    assertThat(made.keySet())
        .anyMatch(p -> p.startsWith("kiln-tsc@") && p.endsWith("/tsbuildinfo"))
        .anyMatch(p -> p.startsWith("kiln-eslint@") && p.endsWith("/eslintcache"))
        .anyMatch(p -> p.startsWith("kiln-prettier@") && p.endsWith("/formatted.json"));
    assertThat(made.values()).noneMatch(text -> text.toLowerCase().contains("recipe"));
    assertThat(made.values()).anyMatch(text -> text.contains("contacts"));

    // A new org's first run is handed the baseline, and keeps its own cache afterwards; the
    // baseline stays as it was.
    UUID second = fixtures.createOrg(owner, "Second");
    List<InstalledPlugin> builtIns =
        host.list().stream().filter(p -> BUILT_INS.contains(p.id())).toList();
    Map<String, byte[]> handed = caches.restore(second, deps, builtIns);
    Path tsc =
        Files.list(baseline)
            .filter(p -> p.getFileName().toString().startsWith("kiln-tsc@"))
            .findFirst()
            .orElseThrow();
    assertThat(handed.get(ToolCaches.WORKSPACE_DIR + "/kiln-tsc/tsbuildinfo"))
        .isEqualTo(Files.readAllBytes(tsc.resolve("tsbuildinfo")));
    PluginRunReport warm = runner.run(second, "gen-" + UUID.randomUUID(), recipes, o -> {});
    assertThat(warm.outcomes())
        .allSatisfy(
            o -> assertThat(o.status()).as(o.error()).isEqualTo(PluginOutcome.Status.SUCCEEDED));
    assertThat(diagnostics(warm)).isEqualTo(diagnostics(cold));
    assertThat(warm.files()).isEqualTo(cold.files());
    assertThat(texts(CACHE.resolve(second.toString()).resolve(deps)).values())
        .anyMatch(text -> text.contains("recipe"));
    assertThat(texts(baseline)).isEqualTo(made);
  }

  /** Waits for the baseline of every built-in (made in the background, on one CPU). */
  private static void awaitBaseline(Path baseline) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (Files.isDirectory(baseline)) {
        try (Stream<Path> list = Files.list(baseline)) {
          List<String> names = list.map(p -> p.getFileName().toString()).toList();
          if (BUILT_INS.stream()
              .allMatch(id -> names.stream().anyMatch(n -> n.startsWith(id + "@")))) {
            return;
          }
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no baseline of the built-ins under " + baseline);
  }

  private static List<String> diagnostics(PluginRunReport report) {
    return report.outcomes().stream()
        .flatMap(o -> o.diagnostics().stream().map(d -> o.pluginId() + " " + d))
        .toList();
  }

  /** The files under {@code root} (relative paths) and their text. */
  private static Map<String, String> texts(Path root) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        texts.put(
            root.relativize(file).toString(),
            new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    }
    return texts;
  }
}
