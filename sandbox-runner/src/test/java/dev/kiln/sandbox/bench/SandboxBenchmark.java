package dev.kiln.sandbox.bench;

import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.docker.DockerBackend;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sandbox hand-out from the warm pool (open + first {@code node -e 1}) against a cold {@code docker
 * run --rm ... node -e 1}, side by side in one run. Not a test: {@code ./kiln bench sandbox}.
 */
public final class SandboxBenchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 40);
  private static final String IMAGE = "kiln/sandbox-node:latest";

  private SandboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    SandboxSpec spec =
        new SandboxSpec(
            IMAGE,
            SandboxSpec.Limits.defaults().withWallTime(Duration.ofMinutes(1)),
            SandboxSpec.NetworkPolicy.NONE,
            "bench");
    List<Double> handOut = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    List<Double> cold = new ArrayList<>();
    try (DockerBackend backend =
        DockerBackend.connect(
            "unix:///var/run/docker.sock", Files.createTempDirectory("kiln-bench"), 2)) {
      backend.warm(spec);
      Thread.sleep(3000);
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        try (var sandbox = backend.open(spec)) {
          handOut.add((System.nanoTime() - t0) / 1e6);
          sandbox.exec(List.of("node", "-e", "1"), line -> {});
          warm.add((System.nanoTime() - t0) / 1e6);
        }
        Thread.sleep(700);
        long t1 = System.nanoTime();
        Process p =
            new ProcessBuilder(
                    "docker",
                    "run",
                    "--rm",
                    "--network",
                    "none",
                    "--read-only",
                    "--cap-drop",
                    "ALL",
                    "--user",
                    "1000:1000",
                    IMAGE,
                    "node",
                    "-e",
                    "1")
                .inheritIO()
                .start();
        p.waitFor();
        cold.add((System.nanoTime() - t1) / 1e6);
      }
    }
    System.out.printf(
        "%n| sandbox | runs | p50 ms | p99 ms |%n|---|---|---|---|%n"
            + "| warm pool: hand-out (open) | %d | %.1f | %.1f |%n"
            + "| warm pool: open + node -e 1 | %d | %.0f | %.0f |%n"
            + "| cold: docker run --rm node -e 1 | %d | %.0f | %.0f |%n",
        RUNS,
        pct(handOut, 50),
        pct(handOut, 99),
        RUNS,
        pct(warm, 50),
        pct(warm, 99),
        RUNS,
        pct(cold, 50),
        pct(cold, 99));
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
