package dev.kiln.platform.generation.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every fixture prompt renders a project that passes the real tools: the lockfile installs with
 * {@code npm ci} (once, into {@code target/template-node}, reused while the lockfile is the same),
 * {@code tsc --noEmit} passes for every app, Prettier finds nothing to change, ESLint finds no
 * problem, and {@code next build} exports three of them. Needs Node and npm on the PATH and the npm
 * registry reachable on the first run; fails, never skips, without them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TemplateAppsBuildIT {

  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path NODE_HOME = TARGET.resolve("template-node");
  private static final Path APPS = TARGET.resolve("template-apps");
  private static final Duration INSTALL_TIME = Duration.ofMinutes(5);
  private static final Duration TOOL_TIME = Duration.ofMinutes(3);
  private static final List<String> BUILT =
      List.of(TemplateFixtures.DENTAL_CRM, TemplateFixtures.YOGA, TemplateFixtures.SUPABASE_TODO);

  /** The key of the app rendered from a revised manifest rather than a prompt. */
  private static final String REVISED = "the kanban board after its follow-ups";

  private static final Map<String, Path> apps = new LinkedHashMap<>();

  /** The result of a command: its exit code and everything it printed. */
  record Run(int exit, String output) {}

  @BeforeAll
  static void installAndRender() throws IOException {
    requireTool("node", "--version");
    requireTool("npm", "--version");
    install();
    deleteTree(APPS);
    TemplateEngine engine = new TemplateEngine();
    Map<String, Manifest> manifests = new LinkedHashMap<>();
    TemplateFixtures.PROMPTS.forEach(prompt -> manifests.put(prompt, engine.plan(prompt)));
    manifests.put(REVISED, TemplateFixtures.revisedKanban());
    int n = 0;
    for (var e : manifests.entrySet()) {
      Path dir = APPS.resolve(String.format("%02d-%s", n++, e.getValue().app().slug()));
      write(dir, engine.render(e.getValue()).files());
      Files.createSymbolicLink(dir.resolve("node_modules"), NODE_HOME.resolve("node_modules"));
      apps.put(e.getKey(), dir);
    }
  }

  @Test
  @Order(1)
  void everyAppTypechecks() throws Exception {
    List<String> failures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Map<String, Future<Run>> runs = new LinkedHashMap<>();
      apps.forEach(
          (prompt, dir) ->
              runs.put(
                  prompt,
                  pool.submit(
                      () ->
                          run(
                              dir,
                              TOOL_TIME,
                              "node",
                              "node_modules/typescript/bin/tsc",
                              "--noEmit",
                              "--pretty",
                              "false"))));
      for (var e : runs.entrySet()) {
        Run run = e.getValue().get();
        if (run.exit() != 0) {
          failures.add(e.getKey() + " (" + apps.get(e.getKey()) + "):\n" + run.output());
        }
      }
    }
    assertThat(failures).as("tsc --noEmit failed").isEmpty();
  }

  @Test
  @Order(2)
  void prettierWouldChangeNothing() throws IOException {
    List<String> command = new ArrayList<>(List.of("node", prettier(), "--check"));
    apps.values().forEach(dir -> command.add(dir.toString()));
    Run run = run(APPS, TOOL_TIME, command.toArray(String[]::new));
    assertThat(run.exit()).as("prettier --check:\n" + run.output()).isZero();
  }

  @Test
  @Order(3)
  void eslintFindsNoProblem() throws IOException {
    for (String prompt : List.of(REVISED, TemplateFixtures.SUPABASE_TODO)) {
      Run run = run(apps.get(prompt), TOOL_TIME, "node", "node_modules/eslint/bin/eslint.js", ".");
      assertThat(run.exit()).as("eslint for " + prompt + ":\n" + run.output()).isZero();
    }
  }

  @Test
  @Order(4)
  void nextBuildExportsAStaticSiteAndLeavesTheFilesAsTheyWere() throws IOException {
    for (String prompt : BUILT) {
      Path dir = APPS.resolve(apps.get(prompt).getFileName() + "-build");
      Map<String, String> files =
          new TemplateEngine().render(new TemplateEngine().plan(prompt)).files();
      write(dir, files);
      // Turbopack refuses a node_modules symlink that leaves the project; hard links are cheap.
      Run copy =
          run(
              TARGET,
              TOOL_TIME,
              "cp",
              "-al",
              NODE_HOME.resolve("node_modules").toString(),
              dir.resolve("node_modules").toString());
      assertThat(copy.exit()).as(copy.output()).isZero();
      Run build = run(dir, TOOL_TIME, "node", "node_modules/next/dist/bin/next", "build");
      assertThat(build.exit()).as("next build for " + prompt + ":\n" + build.output()).isZero();
      assertThat(dir.resolve("out/index.html")).exists();
      Manifest manifest = Manifest.fromJson(files.get("kiln/manifest.json"));
      for (Manifest.Entity entity : manifest.entities()) {
        String base = "out/" + Names.kebab(entity.plural());
        assertThat(dir.resolve(base + "/index.html")).exists();
        assertThat(dir.resolve(base + "/view/index.html")).exists();
      }
      for (String kept : List.of("tsconfig.json", "next-env.d.ts", "package.json")) {
        assertThat(dir.resolve(kept)).as(kept + " after next build").hasContent(files.get(kept));
      }
    }
  }

  private static String prettier() {
    return NODE_HOME.resolve("node_modules/prettier/bin/prettier.cjs").toString();
  }

  /** {@code npm ci} into target/template-node unless the same lockfile is installed there. */
  private static void install() throws IOException {
    String packageJson = StaticFiles.read("package.json");
    String lockfile = StaticFiles.read("package-lock.json");
    String hash = sha256(packageJson + "\n" + lockfile);
    Path marker = NODE_HOME.resolve("installed.sha256");
    if (Files.isDirectory(NODE_HOME.resolve("node_modules"))
        && Files.exists(marker)
        && Files.readString(marker).equals(hash)) {
      return;
    }
    deleteTree(NODE_HOME);
    Files.createDirectories(NODE_HOME);
    Files.writeString(NODE_HOME.resolve("package.json"), packageJson);
    Files.writeString(NODE_HOME.resolve("package-lock.json"), lockfile);
    Run ci =
        run(NODE_HOME, INSTALL_TIME, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
    if (ci.exit() != 0) {
      fail("npm ci failed for the generated apps' lockfile:\n" + ci.output());
    }
    Files.writeString(marker, hash);
  }

  private static void requireTool(String tool, String flag) {
    try {
      Run run = run(TARGET, Duration.ofSeconds(30), tool, flag);
      if (run.exit() != 0) {
        fail(tool + " " + flag + " failed: " + run.output());
      }
    } catch (UncheckedIOException e) {
      fail(tool + " is needed on the PATH to build the generated apps (" + e.getMessage() + ")");
    }
  }

  static Run run(Path dir, Duration limit, String... command) {
    try {
      Files.createDirectories(dir);
      Path log = Files.createTempFile(TARGET, "tool", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("NEXT_TELEMETRY_DISABLED", "1");
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Run(-1, String.join(" ", command) + " timed out after " + limit);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Run(process.exitValue(), tail(output));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(String output) {
    return output.length() <= 20_000 ? output : "..." + output.substring(output.length() - 20_000);
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    deleteTree(dir);
    for (var e : files.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
