package dev.kiln.sandbox.docker;

import dev.kiln.sandbox.internal.OomKills;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a container's OOM-kill count from its memory cgroup (v2 {@code memory.events}, v1 {@code
 * memory.oom_control}), because Docker only flags OOM when the container's first process dies.
 */
final class MemoryEvents {

  private static final List<String> CANDIDATES =
      List.of(
          "/sys/fs/cgroup/system.slice/docker-%s.scope/memory.events",
          "/sys/fs/cgroup/docker/%s/memory.events",
          "/sys/fs/cgroup/memory/docker/%s/memory.oom_control");

  private MemoryEvents() {}

  static long oomKills(String containerId) {
    for (String candidate : CANDIDATES) {
      Path file = Path.of(candidate.formatted(containerId));
      if (Files.isReadable(file)) {
        return OomKills.in(file);
      }
    }
    return 0;
  }
}
