package dev.kiln.platform.generation;

import dev.kiln.platform.sandbox.SandboxAccess;
import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Verifies a version by building it where generated code may run: dependencies from the cache
 * (installed through the egress proxy once per lockfile), then, with no network, {@code tsc
 * --noEmit}, {@code next build} and the app's smoke test ({@code kiln/smoke.mjs}: every route of
 * the manifest opened in the sandbox image's Chromium, failing on a non-2xx answer, a blank page or
 * a console error, with a screenshot of each page). Output lines go to {@code progress} as they
 * come.
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

  private static final List<String> TYPECHECK =
      List.of("node", "node_modules/typescript/bin/tsc", "--noEmit", "--pretty", "false");
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

  BuildStage(SandboxAccess sandboxes, Duration timeout) {
    this.sandboxes = sandboxes;
    this.timeout = timeout;
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
                    .withWallTime(timeout)
                    .withOutputBytes(8 * SandboxSpec.Limits.MIB),
                SandboxSpec.NetworkPolicy.NONE,
                org.toString())
            .withDependencies(installed.nodeModules());
    try (Sandbox sandbox = sandboxes.backend().open(spec)) {
      Map<String, byte[]> bytes = new HashMap<>();
      files.forEach((p, c) -> bytes.put(p, c.getBytes(StandardCharsets.UTF_8)));
      sandbox.upload(bytes);
      for (var step : List.of(Map.entry("typecheck", TYPECHECK), Map.entry("build", BUILD))) {
        progress.accept("$ " + String.join(" ", step.getValue()));
        List<String> lines = new ArrayList<>();
        ExecResult result =
            sandbox.exec(
                step.getValue(),
                line -> {
                  progress.accept(line.text());
                  synchronized (lines) {
                    lines.add(line.text());
                  }
                });
        if (!result.succeeded()) {
          return new Outcome(false, step.getKey(), errors(result, lines));
        }
      }
      return smoke(sandbox, files, progress);
    }
  }

  /** Runs the app's smoke test on the build and collects its report and screenshots. */
  private Outcome smoke(Sandbox sandbox, Map<String, String> files, Consumer<String> progress) {
    if (!files.containsKey(SMOKE_SCRIPT)) {
      return new Outcome(false, "smoke", List.of("the app has no " + SMOKE_SCRIPT));
    }
    progress.accept("$ " + String.join(" ", SMOKE));
    List<String> lines = new ArrayList<>();
    ExecResult result =
        sandbox.exec(
            SMOKE,
            line -> {
              progress.accept(line.text());
              synchronized (lines) {
                lines.add(line.text());
              }
            });
    Optional<byte[]> report = sandbox.readFile(SMOKE_OUT + "/report.json");
    if (report.isEmpty()) {
      return new Outcome(false, "smoke", errors(result, lines));
    }
    String text = new String(report.get(), StandardCharsets.UTF_8);
    Map<String, byte[]> screenshots = new LinkedHashMap<>();
    var shot = SCREENSHOT.matcher(text);
    while (shot.find()) {
      sandbox
          .readFile(shot.group())
          .filter(png -> png.length <= MAX_SCREENSHOT_BYTES)
          .ifPresent(png -> screenshots.put(shot.group(), png));
    }
    Smoke smoke = new Smoke(text, screenshots);
    if (result.succeeded()) {
      return new Outcome(true, "smoke", List.of(), smoke);
    }
    List<String> failed =
        lines.stream().filter(l -> l.startsWith("FAIL")).map(l -> l.substring(4).strip()).toList();
    return new Outcome(false, "smoke", failed.isEmpty() ? errors(result, lines) : failed, smoke);
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
