package dev.kiln.sandbox.bench;

import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.docker.DockerBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code vite build} of a small app in a Docker sandbox (dependencies from the cache, mounted
 * read-only, no network) against the same build on the host, side by side in one run. Not a test:
 * {@code ./kiln bench vite}. Needs the npm registry for the one-time host install.
 */
public final class ViteBuildBenchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 15);
  private static final String IMAGE = "kiln/sandbox-node:latest";
  private static final double CPUS =
      Double.parseDouble(
          System.getProperty(
              "bench.cpus", String.valueOf(Runtime.getRuntime().availableProcessors())));
  private static final Map<String, String> APP =
      Map.of(
          "package.json",
          "{\"name\":\"kiln-vite-bench\",\"private\":true,\"version\":\"1.0.0\",\"type\":\"module\","
              + "\"devDependencies\":{\"vite\":\"7.1.12\"}}",
          "index.html",
          "<!doctype html><html><head><title>bench</title></head><body><div id=\"app\"></div>"
              + "<script type=\"module\" src=\"/main.js\"></script></body></html>",
          "main.js",
          "const items = Array.from({ length: 50 }, (_, i) => `<li>Item ${i}</li>`).join('');\n"
              + "document.querySelector('#app').innerHTML = `<h1>Kiln</h1><ul>${items}</ul>`;\n");
  private static final List<String> BUILD =
      List.of("node", "node_modules/vite/bin/vite.js", "build");

  private ViteBuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path host = Files.createTempDirectory("kiln-vite-host");
    for (var file : APP.entrySet()) {
      Files.writeString(host.resolve(file.getKey()), file.getValue());
    }
    // The registry mirror reachable here lacks rollup's optional platform packages, so npm writes
    // lockfiles that `npm ci` then refuses; the host's install stands in for a cache entry.
    run(host, List.of("npm", "install", "--ignore-scripts", "--no-audit", "--no-fund"));
    Path nodeModules = host.resolve("node_modules");
    Path root = Files.createTempDirectory("kiln-vite-bench");
    List<Double> onHost = new ArrayList<>();
    List<Double> inSandbox = new ArrayList<>();
    try (DockerBackend docker =
        DockerBackend.connect("unix:///var/run/docker.sock", root.resolve("ws"))) {
      SandboxSpec spec =
          new SandboxSpec(
                  IMAGE,
                  new SandboxSpec.Limits(
                      2048 * SandboxSpec.Limits.MIB,
                      CPUS,
                      512,
                      Duration.ofMinutes(10),
                      4 * SandboxSpec.Limits.MIB,
                      512 * SandboxSpec.Limits.MIB),
                  SandboxSpec.NetworkPolicy.NONE,
                  "bench")
              .withDependencies(nodeModules);
      try (Sandbox sandbox = docker.open(spec)) {
        Map<String, byte[]> files = new java.util.HashMap<>();
        APP.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        sandbox.upload(files);
        for (int i = 0; i < RUNS + 2; i++) {
          long t0 = System.nanoTime();
          run(host, BUILD);
          double h = (System.nanoTime() - t0) / 1e6;
          long t1 = System.nanoTime();
          ExecResult r = sandbox.exec(BUILD, line -> {});
          double s = (System.nanoTime() - t1) / 1e6;
          if (!r.succeeded()) {
            throw new IllegalStateException("vite build failed in the sandbox: " + r);
          }
          if (i >= 2) {
            onHost.add(h);
            inSandbox.add(s);
          }
        }
      }
    }
    double hostMedian = median(onHost);
    double sandboxMedian = median(inSandbox);
    System.out.printf(
        "%n| vite build | runs | median ms |%n|---|---|---|%n| host | %d | %.0f |%n| sandbox (docker exec, %.1f CPUs) | %d | %.0f |%n"
            + "overhead: %.0f%%%n",
        RUNS, hostMedian, CPUS, RUNS, sandboxMedian, (sandboxMedian / hostMedian - 1) * 100);
  }

  private static void run(Path dir, List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed on the host");
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
