package dev.kiln.platform.generation;

import dev.kiln.platform.sandbox.SandboxAccess;
import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.util.FileSystemUtils;

/**
 * Verifies a version by building it where generated code may run: dependencies from the cache
 * (installed through the egress proxy once per lockfile), then, with no network, {@code next build}
 * (which typechecks) and the app's smoke test ({@code kiln/smoke.mjs}: every route of the manifest
 * opened in the sandbox image's Chromium, failing on a non-2xx answer, a blank page or a console
 * error, with a screenshot of each page). A build that fails on type errors is reported as the
 * {@code typecheck} step. Output lines go to {@code progress} as they come.
 */
final class BuildStage {

  /**
   * How the build ended; {@code errors} are the lines a user (or an auto-fix) acts on; {@code
   * smoke} is the smoke test's report, when it ran.
   */
  record Outcome(boolean ok, String step, List<String> errors, Smoke smoke) {
    Outcome(boolean ok, String step, List<String> errors) {
      this(ok, step, errors, null);
    }
  }

  /**
   * The smoke test's result.
   *
   * @param report its {@code report.json} ({@code ok}, {@code error}, {@code pages} with {@code
   *     path}, {@code status}, {@code ok}, {@code problems}, {@code screenshot})
   * @param screenshots PNG bytes by the report's screenshot path
   */
  record Smoke(String report, Map<String, byte[]> screenshots) {}

  static final String SMOKE_SCRIPT = "kiln/smoke.mjs";
  private static final String SMOKE_OUT = ".kiln-smoke";
  private static final List<String> SMOKE =
      List.of("env", "SMOKE_OUT=" + SMOKE_OUT, "node", SMOKE_SCRIPT);
  private static final java.util.regex.Pattern SCREENSHOT =
      java.util.regex.Pattern.compile("\\.kiln-smoke/\\d{2,3}\\.png");
  private static final int MAX_SCREENSHOT_BYTES = 4 * 1024 * 1024;

  /**
   * What {@code next build} prints after its type errors, which it lists as {@code tsc} does
   * ({@code app/page.tsx(7,7): error TS2322: ...}).
   */
  private static final String TYPECHECK_FAILED = "Failed to type check";

  private static final List<String> BUILD =
      List.of(
          "env",
          "NODE_ENV=production",
          "NEXT_TELEMETRY_DISABLED=1",
          "node",
          "node_modules/next/dist/bin/next",
          "build");
  private static final int KEPT_ERRORS = 40;

  /** A line that starts with a file location, as Next.js prints one above its type errors. */
  private static final java.util.regex.Pattern LOCATION =
      java.util.regex.Pattern.compile(
          "^\\s*\\.?/?[\\w@\\[\\]().-]+(/[\\w@\\[\\]().-]+)*:\\d+(:\\d+)?\\s*$");

  private final SandboxAccess sandboxes;
  private final Duration timeout;
  private final double cpus;

  BuildStage(SandboxAccess sandboxes, Duration timeout, double cpus) {
    this.sandboxes = sandboxes;
    this.timeout = timeout;
    this.cpus = cpus;
  }

  Outcome run(UUID org, Map<String, String> files, Consumer<String> progress) {
    String manifest = files.get("package.json");
    String lockfile = files.get("package-lock.json");
    if (manifest == null || lockfile == null) {
      return new Outcome(
          false, "install", List.of("package.json and package-lock.json are needed"));
    }
    progress.accept("installing dependencies (cached by lockfile)");
    var installed =
        sandboxes
            .dependencies()
            .install(
                org.toString(),
                manifest.getBytes(StandardCharsets.UTF_8),
                lockfile.getBytes(StandardCharsets.UTF_8));
    progress.accept(
        installed.hit()
            ? "dependencies: cache hit " + installed.hash().substring(0, 12)
            : "dependencies: installed " + installed.hash().substring(0, 12));
    SandboxSpec spec =
        new SandboxSpec(
                sandboxes.image(),
                SandboxSpec.Limits.defaults()
                    .withMemory(2048 * SandboxSpec.Limits.MIB)
                    .withCpus(cpus)
                    .withWallTime(timeout)
                    .withOutputBytes(8 * SandboxSpec.Limits.MIB),
                SandboxSpec.NetworkPolicy.NONE,
                org.toString())
            .withDependencies(installed.nodeModules());
    try (Sandbox sandbox = sandboxes.backend().open(spec)) {
      Map<String, byte[]> bytes = new HashMap<>();
      files.forEach((p, c) -> bytes.put(p, c.getBytes(StandardCharsets.UTF_8)));
      sandbox.upload(bytes);
      List<String> lines = new ArrayList<>();
      ExecResult built = exec(sandbox, BUILD, progress, lines);
      if (built.succeeded()) {
        return smoke(sandbox, files, progress);
      }
      boolean typeErrors;
      synchronized (lines) {
        typeErrors = lines.stream().anyMatch(l -> l.startsWith(TYPECHECK_FAILED));
      }
      return new Outcome(false, typeErrors ? "typecheck" : "build", errors(built, lines));
    }
  }

  /** Runs a step, its output to {@code progress} and into {@code lines}. */
  private static ExecResult exec(
      Sandbox sandbox, List<String> command, Consumer<String> progress, List<String> lines) {
    progress.accept("$ " + String.join(" ", command));
    return sandbox.exec(
        command,
        line -> {
          progress.accept(line.text());
          synchronized (lines) {
            lines.add(line.text());
          }
        });
  }

  /** Runs the app's smoke test on the build and collects its report and screenshots. */
  private Outcome smoke(Sandbox sandbox, Map<String, String> files, Consumer<String> progress) {
    if (!files.containsKey(SMOKE_SCRIPT)) {
      return new Outcome(false, "smoke", List.of("the app has no " + SMOKE_SCRIPT));
    }
    List<String> lines = new ArrayList<>();
    ExecResult result = exec(sandbox, SMOKE, progress, lines);
    Optional<Smoke> collected = collect(sandbox);
    if (collected.isEmpty()) {
      return new Outcome(false, "smoke", errors(result, lines));
    }
    Smoke smoke = collected.get();
    if (result.succeeded()) {
      return new Outcome(true, "smoke", List.of(), smoke);
    }
    List<String> failed =
        lines.stream().filter(l -> l.startsWith("FAIL")).map(l -> l.substring(4).strip()).toList();
    return new Outcome(false, "smoke", failed.isEmpty() ? errors(result, lines) : failed, smoke);
  }

  /**
   * The smoke test's report and the screenshots it names, moved out of the sandbox at once (one
   * pause of the sandbox instead of one per file); empty when it wrote no report.
   */
  private static Optional<Smoke> collect(Sandbox sandbox) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("kiln-smoke-");
      Path out = dir.resolve("out");
      sandbox.moveOut(SMOKE_OUT, out);
      Path report = out.resolve("report.json");
      if (!Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      String text = Files.readString(report);
      Map<String, byte[]> screenshots = new LinkedHashMap<>();
      var shot = SCREENSHOT.matcher(text);
      while (shot.find()) {
        Path png = out.resolve(shot.group().substring(SMOKE_OUT.length() + 1));
        if (Files.isRegularFile(png, LinkOption.NOFOLLOW_LINKS)
            && Files.size(png) <= MAX_SCREENSHOT_BYTES) {
          screenshots.put(shot.group(), Files.readAllBytes(png));
        }
      }
      return Optional.of(new Smoke(text, screenshots));
    } catch (IOException | RuntimeException e) {
      // No report (the directory is missing, or is a link the sandbox refuses to move).
      return Optional.empty();
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      // A temporary directory; the operating system's cleanup gets it.
    }
  }

  private static List<String> errors(ExecResult result, List<String> lines) {
    List<String> errors = new ArrayList<>();
    if (result.timedOut()) {
      errors.add("timed out");
    }
    if (result.outOfMemory()) {
      errors.add("ran out of memory");
    }
    synchronized (lines) {
      List<String> flagged =
          lines.stream()
              .filter(
                  l ->
                      l.contains("error")
                          || l.contains("Error")
                          || l.contains("Failed")
                          || LOCATION.matcher(l).find())
              .toList();
      List<String> source = flagged.isEmpty() ? lines : flagged;
      errors.addAll(source.subList(Math.max(0, source.size() - KEPT_ERRORS), source.size()));
    }
    return errors;
  }
}
