package dev.kiln.platform.generation.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.generation.template.SandboxAppChecks.App;
import dev.kiln.platform.generation.template.SandboxAppChecks.Failure;
import dev.kiln.sandbox.DependencyCache;
import dev.kiln.sandbox.docker.DockerBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves, in Kiln's own Docker sandbox and the way the build stage verifies a version, that every
 * fixture prompt of {@link TemplateFixtures#PROMPTS} (at least 20; a dental CRM, blog, inventory,
 * booking, kanban, recipes and more) and the kanban board after its follow-ups render apps that
 * pass the real tools:
 *
 * <ul>
 *   <li>the apps' one {@code package.json} and lockfile install through the {@link DependencyCache}
 *       ({@code npm ci --ignore-scripts} in a REGISTRY_ONLY sandbox on a miss; the cache under
 *       {@code kiln.sandbox.cache} is shared with the other ITs, so usually a hit);
 *   <li>every later command runs in a sandbox with no network at all ({@link
 *       dev.kiln.sandbox.SandboxSpec.NetworkPolicy#NONE}) and that {@code node_modules} mounted
 *       read-only, 2 GiB and one CPU, as in the build stage;
 *   <li>for every app: Prettier finds nothing to change, ESLint reports no error, {@code tsc
 *       --noEmit} passes (one {@code tsc -b} over all apps' own {@code tsconfig.json}s), and {@code
 *       next build} with {@code NODE_ENV=production} succeeds, exports the home page and each
 *       entity's list and view pages, and leaves {@code tsconfig.json}, {@code next-env.d.ts} and
 *       {@code package.json} as rendered.
 * </ul>
 *
 * <p>Two sandboxes run at once, each reused for job after job ({@link SandboxAppChecks}). Every app
 * is checked even when others fail; a failure lists each failing app and step with its first error
 * lines. Needs the Docker daemon, the {@code kiln/sandbox-node:latest} image and, on a cache miss,
 * the npm registry; fails, never skips, without them.
 */
class TemplateAppsBuildIT {

  private static final String DOCKER_HOST = "unix:///var/run/docker.sock";
  private static final String IMAGE = "kiln/sandbox-node:latest";
  private static final String TENANT = "template-apps-it";
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path WORKSPACES = TARGET.resolve("template-sandboxes");
  private static final int PARALLEL = 2;

  /** The key of the app rendered from a revised manifest rather than a prompt. */
  private static final String REVISED = "the kanban board after its follow-ups";

  private static DockerBackend docker;
  private static Path nodeModules;
  private static final List<App> apps = new ArrayList<>();

  @BeforeAll
  static void connectRenderAndInstall() throws IOException {
    docker = DockerBackend.connect(DOCKER_HOST, WORKSPACES);
    assertThat(docker.available())
        .as(
            "TemplateAppsBuildIT builds the generated apps in Docker sandboxes, so the Docker"
                + " daemon at %s must answer (it fails rather than skips without it)",
            DOCKER_HOST)
        .isTrue();
    TemplateEngine engine = new TemplateEngine();
    Map<String, Manifest> manifests = new LinkedHashMap<>();
    TemplateFixtures.PROMPTS.forEach(prompt -> manifests.put(prompt, engine.plan(prompt)));
    manifests.put(REVISED, TemplateFixtures.revisedKanban());
    int n = 0;
    for (var e : manifests.entrySet()) {
      String name = String.format("%02d-%s (%s)", n++, e.getValue().app().slug(), e.getKey());
      apps.add(new App(name, engine.render(e.getValue()).files(), exported(e.getValue())));
    }
    nodeModules = install();
  }

  @AfterAll
  static void close() {
    if (docker != null) {
      docker.close();
    }
  }

  @Test
  void everyAppPassesPrettierEslintTscAndNextBuildInANetworkLessSandbox() throws Exception {
    assertThat(TemplateFixtures.PROMPTS)
        .as("varied fixture prompts")
        .hasSizeGreaterThanOrEqualTo(20);
    Instant start = Instant.now();
    SandboxAppChecks checks = new SandboxAppChecks(docker, IMAGE, TENANT, nodeModules, PARALLEL);
    List<Failure> failures = checks.check(apps);
    report(checks, Duration.between(start, Instant.now()));
    assertThat(failures)
        .as(
            "%d of %d apps failed in the sandbox:\n%s",
            failures.stream().map(Failure::app).distinct().count(),
            apps.size(),
            failures.stream().map(Failure::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  /** The apps' one lockfile installed through the dependency cache; its node_modules. */
  private static Path install() throws IOException {
    List<String> lockfiles =
        apps.stream()
            .map(a -> a.files().get("package.json") + "\0" + a.files().get("package-lock.json"))
            .distinct()
            .toList();
    assertThat(lockfiles).as("every app shares one package.json and lockfile").hasSize(1);
    Map<String, String> files = apps.getFirst().files();
    Instant start = Instant.now();
    DependencyCache.Installed installed =
        new DependencyCache(cacheRoot(), docker, IMAGE)
            .install(
                TENANT,
                files.get("package.json").getBytes(StandardCharsets.UTF_8),
                files.get("package-lock.json").getBytes(StandardCharsets.UTF_8));
    System.out.printf(
        "[template-apps] dependencies %s %s in %ss%n",
        installed.hash().substring(0, 12),
        installed.hit() ? "from the cache" : "installed",
        Duration.between(start, Instant.now()).toSeconds());
    return installed.nodeModules();
  }

  /** The dependency cache the Spring ITs use: {@code kiln.sandbox.cache} of the test properties. */
  private static Path cacheRoot() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        TemplateAppsBuildIT.class.getResourceAsStream("/application.properties")) {
      properties.load(in);
    }
    String cache = properties.getProperty("kiln.sandbox.cache");
    assertThat(cache).as("kiln.sandbox.cache in the test properties").isNotBlank();
    return Path.of(cache).toAbsolutePath();
  }

  /** The home page and each entity's list and view pages, as {@code next build} exports them. */
  private static List<String> exported(Manifest manifest) {
    List<String> pages = new ArrayList<>(List.of("out/index.html"));
    for (Manifest.Entity entity : manifest.entities()) {
      String base = "out/" + Names.kebab(entity.plural());
      pages.add(base + "/index.html");
      pages.add(base + "/view/index.html");
    }
    return pages;
  }

  private static void report(SandboxAppChecks checks, Duration total) {
    checks
        .timings()
        .forEach((job, took) -> System.out.printf("[template-apps] %s: %s%n", job, took));
    System.out.printf(
        "[template-apps] %d apps checked in %ds with %d sandboxes at once%n",
        apps.size(), total.toSeconds(), PARALLEL);
  }
}
