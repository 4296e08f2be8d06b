package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.internal.HostCommands;
import dev.kiln.sandbox.internal.HostWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sandbox's size-limited tmpfs mounts on the host, owned by the sandbox user. */
final class Mounts {

  static final long TMP_BYTES = 64L * 1024 * 1024;

  private final Path base;
  private final Map<String, Path> byTarget;

  private Mounts(Path base, Map<String, Path> byTarget) {
    this.base = base;
    this.byTarget = byTarget;
  }

  static Mounts create(Path base, SandboxSpec.Limits limits) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    Mounts created = new Mounts(base, mounts);
    try {
      Files.createDirectories(base);
      mount(created, "/scratch", "scratch", limits.scratchBytes());
      mount(created, "/tmp", "tmp", TMP_BYTES);
      mount(created, "/home/sandbox", "home", TMP_BYTES);
      return created;
    } catch (IOException | RuntimeException e) {
      created.destroy();
      throw new SandboxFailure("Could not mount the sandbox's scratch space", e);
    }
  }

  private static void mount(Mounts mounts, String target, String name, long bytes)
      throws IOException {
    Path dir = Files.createDirectory(mounts.base.resolve(name));
    int uid = HostWorkspace.SANDBOX_UID;
    run(
        "mount",
        "-t",
        "tmpfs",
        "-o",
        "size=" + bytes + ",uid=" + uid + ",gid=" + uid + ",mode=0755,nosuid,nodev",
        "tmpfs",
        dir.toString());
    mounts.byTarget.put(target, dir);
  }

  /** Sandbox path to host directory. */
  Map<String, Path> byTarget() {
    return byTarget;
  }

  boolean exists() {
    return Files.exists(base);
  }

  void destroy() {
    for (Path dir : byTarget.values()) {
      try {
        run("umount", "-l", dir.toString());
      } catch (RuntimeException ignored) {
        // not mounted
      }
    }
    List<Path> dirs = new ArrayList<>(byTarget.values());
    dirs.add(base);
    for (Path dir : dirs) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException ignored) {
        // left for the next start's cleanup
      }
    }
  }

  private static void run(String... command) {
    HostCommands.Outcome outcome = HostCommands.run(command);
    if (!outcome.succeeded()) {
      throw new SandboxFailure(String.join(" ", command) + " failed: " + outcome.output());
    }
  }
}
