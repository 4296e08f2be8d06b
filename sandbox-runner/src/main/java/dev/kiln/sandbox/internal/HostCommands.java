package dev.kiln.sandbox.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Runs a short host command (mount, iptables...) as the JVM's user and says how it ended. */
public final class HostCommands {

  private static final long TIMEOUT_SECONDS = 10;

  /** How a command ended: its exit code (-1 when it could not run or timed out) and output. */
  public record Outcome(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  private HostCommands() {}

  public static Outcome run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      return p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          ? new Outcome(p.exitValue(), out.strip())
          : new Outcome(-1, "timed out");
    } catch (IOException e) {
      return new Outcome(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, "interrupted");
    }
  }
}
