package dev.kiln.sandbox.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the kernel's OOM-kill count of a memory cgroup: the {@code oom_kill} line of cgroup v2
 * {@code memory.events} or v1 {@code memory.oom_control}.
 */
public final class OomKills {

  private OomKills() {}

  /** The count, or 0 when the file is missing or has no such line. */
  public static long in(Path file) {
    if (!Files.isReadable(file)) {
      return 0;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String[] parts = line.split(" ");
        if (parts.length == 2 && parts[0].equals("oom_kill")) {
          return Long.parseLong(parts[1].strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
