package dev.kiln.platform.generation;

import dev.kiln.platform.sandbox.SandboxAccess;
import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Verifies a version by building it where generated code may run: dependencies from the cache
 * (installed through the egress proxy once per lockfile), then, with no network, {@code tsc
 * --noEmit} and {@code next build}. Output lines go to {@code progress} as they come.
 */
final class BuildStage {

  /** How the build ended; {@code errors} are the lines a user (or an auto-fix) acts on. */
  record Outcome(boolean ok, String step, List<String> errors) {}

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
      return new Outcome(true, "build", List.of());
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
