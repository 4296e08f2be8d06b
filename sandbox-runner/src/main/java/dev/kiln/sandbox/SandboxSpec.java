package dev.kiln.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to open: an image, limits, a network policy, the tenant it runs for (sandboxes are never
 * shared across tenants), and optionally cached dependencies mounted read-only at {@code
 * /workspace/node_modules}.
 *
 * @param dependencies a {@code node_modules} directory from the {@link DependencyCache}, or null
 */
public record SandboxSpec(
    String image, Limits limits, NetworkPolicy network, String tenant, Path dependencies) {

  public SandboxSpec {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(tenant, "tenant");
  }

  public SandboxSpec(String image, Limits limits, NetworkPolicy network, String tenant) {
    this(image, limits, network, tenant, null);
  }

  /** The same spec with cached dependencies mounted read-only. */
  public SandboxSpec withDependencies(Path nodeModules) {
    return new SandboxSpec(image, limits, network, tenant, nodeModules);
  }

  /** What a job may reach. */
  public enum NetworkPolicy {
    /** Nothing at all: build, test and tools. */
    NONE,
    /** Only Kiln's allowlisting proxy (dependency install). */
    REGISTRY_ONLY,
    /**
     * Nothing at all, as {@link #NONE}, but the host can connect to TCP ports the sandbox listens
     * on ({@link Sandbox#serve}): live previews. Other sandboxes cannot.
     */
    SERVE
  }

  /**
   * Resource limits; every one is enforced by the backend.
   *
   * @param memoryBytes memory, swap included
   * @param cpus CPU share, e.g. 1.5
   * @param pids processes and threads at once
   * @param wallTime total time the sandbox may live; an exec or served command past it is killed
   *     and the sandbox closed
   * @param outputBytes output delivered per exec or served command; the rest is dropped (and an
   *     exec reports it truncated)
   * @param scratchBytes size of the writable scratch space ({@code /scratch} and {@code /tmp})
   */
  public record Limits(
      long memoryBytes,
      double cpus,
      long pids,
      Duration wallTime,
      long outputBytes,
      long scratchBytes) {

    public static final long MIB = 1024L * 1024L;

    /** Limits for a typical build: 2 GiB, 1 CPU, 512 processes, 10 minutes, 4 MiB of output. */
    public static Limits defaults() {
      return new Limits(2048 * MIB, 1.0, 512, Duration.ofMinutes(10), 4 * MIB, 512 * MIB);
    }

    public Limits withMemory(long bytes) {
      return new Limits(bytes, cpus, pids, wallTime, outputBytes, scratchBytes);
    }

    public Limits withCpus(double share) {
      return new Limits(memoryBytes, share, pids, wallTime, outputBytes, scratchBytes);
    }

    public Limits withPids(long n) {
      return new Limits(memoryBytes, cpus, n, wallTime, outputBytes, scratchBytes);
    }

    public Limits withWallTime(Duration d) {
      return new Limits(memoryBytes, cpus, pids, d, outputBytes, scratchBytes);
    }

    public Limits withOutputBytes(long bytes) {
      return new Limits(memoryBytes, cpus, pids, wallTime, bytes, scratchBytes);
    }

    public Limits withScratchBytes(long bytes) {
      return new Limits(memoryBytes, cpus, pids, wallTime, outputBytes, bytes);
    }
  }
}
