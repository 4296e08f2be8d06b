package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.internal.OomKills;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sandbox's control groups: process, memory (swap included) and CPU limits, a way to kill
 * everything in them, and the kernel's OOM-kill count. cgroup v2 when mounted, else v1.
 */
final class Cgroup {

  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  private static final long CPU_PERIOD_US = 100_000;

  private final boolean v2;
  private final List<Path> dirs;

  private Cgroup(boolean v2, List<Path> dirs) {
    this.v2 = v2;
    this.dirs = dirs;
  }

  static boolean supported() {
    return Files.exists(ROOT.resolve("cgroup.controllers"))
        || (Files.isDirectory(ROOT.resolve("pids")) && Files.isDirectory(ROOT.resolve("memory")));
  }

  static Cgroup create(String id, SandboxSpec.Limits limits) {
    boolean v2 = Files.exists(ROOT.resolve("cgroup.controllers"));
    long quota = (long) (limits.cpus() * CPU_PERIOD_US);
    try {
      if (v2) {
        enableV2Controllers();
        Path dir = Files.createDirectories(ROOT.resolve("kiln-" + id));
        write(dir.resolve("pids.max"), String.valueOf(limits.pids()));
        write(dir.resolve("memory.max"), String.valueOf(limits.memoryBytes()));
        writeIfExists(dir.resolve("memory.swap.max"), "0");
        writeIfExists(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_US);
        return new Cgroup(true, List.of(dir));
      }
      Path pids = Files.createDirectories(ROOT.resolve("pids/kiln").resolve(id));
      write(pids.resolve("pids.max"), String.valueOf(limits.pids()));
      Path memory = Files.createDirectories(ROOT.resolve("memory/kiln").resolve(id));
      write(memory.resolve("memory.limit_in_bytes"), String.valueOf(limits.memoryBytes()));
      writeIfExists(
          memory.resolve("memory.memsw.limit_in_bytes"), String.valueOf(limits.memoryBytes()));
      writeIfExists(memory.resolve("memory.swappiness"), "0");
      List<Path> all = new ArrayList<>(List.of(pids, memory));
      Path cpu = ROOT.resolve("cpu");
      if (Files.isDirectory(cpu)) {
        Path cpuDir = Files.createDirectories(cpu.resolve("kiln").resolve(id));
        write(cpuDir.resolve("cpu.cfs_period_us"), String.valueOf(CPU_PERIOD_US));
        write(cpuDir.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
        all.add(cpuDir);
      }
      return new Cgroup(false, all);
    } catch (IOException e) {
      throw new SandboxFailure("Could not create the sandbox's cgroups", e);
    }
  }

  /** The files a process writes its pid into to join every group. */
  List<Path> procsFiles() {
    return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
  }

  /** Kills every process in the groups until none is left. */
  void killAll() {
    Path procs = dirs.get(0).resolve("cgroup.procs");
    for (int round = 0; round < 50; round++) {
      List<String> pids;
      try {
        pids = Files.readAllLines(procs).stream().filter(s -> !s.isBlank()).toList();
      } catch (IOException e) {
        return;
      }
      if (pids.isEmpty()) {
        return;
      }
      pids.forEach(
          pid ->
              ProcessHandle.of(Long.parseLong(pid.strip()))
                  .ifPresent(ProcessHandle::destroyForcibly));
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** How many processes the kernel has killed for passing the memory limit. */
  long oomKills() {
    return OomKills.in(
        v2 ? dirs.get(0).resolve("memory.events") : dirs.get(1).resolve("memory.oom_control"));
  }

  /** Kills what is left and removes the groups; idempotent. */
  void destroy() {
    killAll();
    for (Path dir : dirs) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException ignored) {
        // the kernel refuses while a process is still exiting; the next close retries
      }
    }
  }

  boolean exists() {
    return dirs.stream().anyMatch(Files::exists);
  }

  private static void enableV2Controllers() throws IOException {
    Path control = ROOT.resolve("cgroup.subtree_control");
    String enabled = Files.readString(control);
    for (String controller : List.of("pids", "memory", "cpu")) {
      if (!enabled.contains(controller)) {
        write(control, "+" + controller);
      }
    }
  }

  private static void write(Path file, String value) throws IOException {
    Files.writeString(file, value);
  }

  private static void writeIfExists(Path file, String value) {
    if (Files.exists(file)) {
      try {
        Files.writeString(file, value);
      } catch (IOException ignored) {
        // optional knob (swap accounting may be off)
      }
    }
  }
}
