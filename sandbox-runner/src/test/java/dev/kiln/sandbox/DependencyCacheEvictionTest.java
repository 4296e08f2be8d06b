package dev.kiln.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyCacheEvictionTest {

  @TempDir Path root;

  @Test
  void evictsTheLeastRecentlyUsedButNeverWhatWasJustUsed() throws Exception {
    entry("old", 3000, Duration.ofDays(3));
    entry("older", 3000, Duration.ofDays(5));
    entry("fresh", 3000, Duration.ofMinutes(5));
    Files.createSymbolicLink(root.resolve("old/node_modules/escape"), Path.of("/etc"));
    DependencyCache cache = new DependencyCache(root, null, "unused");

    assertThat(cache.evict(4000, Duration.ofHours(1))).containsExactly("older", "old");
    assertThat(root.resolve("fresh")).exists();
    assertThat(Path.of("/etc/passwd")).exists();

    assertThat(cache.evict(0, Duration.ofHours(1))).isEmpty();
    assertThat(root.resolve("fresh")).exists();
  }

  private void entry(String name, int bytes, Duration age) throws Exception {
    Path modules = Files.createDirectories(root.resolve(name).resolve("node_modules/pkg"));
    Files.write(modules.resolve("index.js"), new byte[bytes]);
    Path marker = Files.createFile(root.resolve(name).resolve(".last-used"));
    Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(age)));
  }
}
