package dev.kiln.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Small static binaries the escape suite runs inside sandboxes, compiled with the host's gcc. */
public final class Probes {

  private static byte[] ptrace;

  private Probes() {}

  /** {@code src/test/resources/probes/ptrace-probe.c}, compiled once per run. */
  public static synchronized byte[] ptrace() throws IOException, InterruptedException {
    if (ptrace == null) {
      ptrace = compile("ptrace-probe");
    }
    return ptrace;
  }

  private static byte[] compile(String name) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("kiln-probe");
    Path source = dir.resolve(name + ".c");
    try (InputStream in = Probes.class.getResourceAsStream("/probes/" + name + ".c")) {
      Files.copy(in, source);
    }
    Path binary = dir.resolve(name);
    Process gcc =
        new ProcessBuilder("gcc", "-static", "-Os", "-o", binary.toString(), source.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(gcc.getInputStream().readAllBytes());
    if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
      throw new IllegalStateException(
          "gcc could not build the "
              + name
              + " probe (.ci/run installs gcc and libc6-dev): "
              + output);
    }
    return Files.readAllBytes(binary);
  }
}
