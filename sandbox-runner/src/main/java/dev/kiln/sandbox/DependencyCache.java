package dev.kiln.sandbox;

import dev.kiln.sandbox.internal.HostWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code node_modules} trees installed once per lockfile and kept content-addressed by the hash of
 * {@code package.json} and {@code package-lock.json}. A miss runs {@code npm ci --ignore-scripts}
 * in a REGISTRY_ONLY sandbox and moves the result into the cache; a hit costs a directory lookup.
 * Sandboxes then mount the tree read-only ({@link SandboxSpec#withDependencies}).
 */
public final class DependencyCache {

  /** An installed tree. {@code hit} is false when this call installed it. */
  public record Installed(String hash, Path nodeModules, boolean hit, List<String> log) {}

  private static final Duration INSTALL_TIME = Duration.ofMinutes(10);

  private final Path root;
  private final SandboxBackend backend;
  private final String image;

  public DependencyCache(Path root, SandboxBackend backend, String image) {
    this.root = root;
    this.backend = backend;
    this.image = image;
  }

  /** The tree for this manifest and lockfile, installing it on a miss. */
  public Installed install(String tenant, byte[] packageJson, byte[] lockfile) {
    String hash = hash(packageJson, lockfile);
    Path target = root.resolve(hash).resolve("node_modules");
    if (Files.isDirectory(target)) {
      touch(root.resolve(hash));
      return new Installed(hash, target, true, List.of());
    }
    List<String> log = new ArrayList<>();
    SandboxSpec spec =
        new SandboxSpec(
            image,
            SandboxSpec.Limits.defaults().withWallTime(INSTALL_TIME),
            SandboxSpec.NetworkPolicy.REGISTRY_ONLY,
            tenant);
    try (Sandbox sandbox = backend.open(spec)) {
      sandbox.upload(Map.of("package.json", packageJson, "package-lock.json", lockfile));
      ExecResult result =
          sandbox.exec(
              List.of(
                  "npm",
                  "ci",
                  "--ignore-scripts",
                  "--no-audit",
                  "--no-fund",
                  "--cache",
                  "/scratch/npm"),
              line -> log.add(line.text()));
      if (!result.succeeded()) {
        throw new SandboxFailure("npm ci failed (" + result + "): " + String.join("\n", tail(log)));
      }
      Path staging = root.resolve(".staging-" + UUID.randomUUID());
      sandbox.moveOut("node_modules", staging.resolve("node_modules"));
      publish(staging, root.resolve(hash));
      touch(root.resolve(hash));
    }
    return new Installed(hash, target, false, log);
  }

  /**
   * Deletes the least recently used entries until the cache holds at most {@code maxBytes}, but
   * never an entry used within {@code minIdle} (a sandbox may still have it mounted; sandboxes live
   * at most their wall time). Returns the hashes deleted.
   */
  public List<String> evict(long maxBytes, Duration minIdle) {
    List<Entry> entries = new ArrayList<>();
    try (var dirs = Files.list(root)) {
      for (Path dir :
          dirs.filter(
                  d ->
                      Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                          && !d.getFileName().toString().startsWith("."))
              .toList()) {
        entries.add(new Entry(dir, size(dir), lastUsed(dir)));
      }
    } catch (java.nio.file.NoSuchFileException empty) {
      return List.of();
    } catch (IOException e) {
      throw new SandboxFailure("Could not list the dependency cache " + root, e);
    }
    long total = entries.stream().mapToLong(Entry::bytes).sum();
    java.time.Instant idleBefore = java.time.Instant.now().minus(minIdle);
    List<String> deleted = new ArrayList<>();
    entries.sort(java.util.Comparator.comparing(Entry::lastUsed));
    for (Entry entry : entries) {
      if (total <= maxBytes || entry.lastUsed().isAfter(idleBefore)) {
        break;
      }
      deleteQuietly(entry.dir());
      total -= entry.bytes();
      deleted.add(entry.dir().getFileName().toString());
    }
    return deleted;
  }

  private record Entry(Path dir, long bytes, java.time.Instant lastUsed) {}

  private static final String LAST_USED = ".last-used";

  private static void touch(Path entry) {
    try {
      Path marker = entry.resolve(LAST_USED);
      if (!Files.exists(marker)) {
        Files.createFile(marker);
      }
      Files.setLastModifiedTime(
          marker, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    } catch (IOException ignored) {
      // an entry without a marker is simply evicted first
    }
  }

  private static java.time.Instant lastUsed(Path entry) {
    try {
      return Files.getLastModifiedTime(entry.resolve(LAST_USED)).toInstant();
    } catch (IOException e) {
      return java.time.Instant.EPOCH;
    }
  }

  private static long size(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }

  /**
   * Moves the installed tree into place; when another install of the same lockfile got there first
   * (rename(2) then fails with EEXIST or ENOTEMPTY, which Java reports as different exceptions),
   * theirs is kept and this one dropped.
   */
  private static void publish(Path staging, Path target) {
    try {
      Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(staging);
      if (!Files.isDirectory(target.resolve("node_modules"))) {
        throw new SandboxFailure("Could not publish dependencies to " + target, e);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      HostWorkspace.deleteTree(dir);
    } catch (java.io.UncheckedIOException ignored) {
      // a stale staging directory or entry is harmless; the next eviction retries
    }
  }

  /**
   * The key of a dependency set, as {@link Installed#hash()} gives it: the SHA-256 of the manifest
   * and the lockfile.
   */
  public static String hash(byte[] packageJson, byte[] lockfile) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(packageJson);
      sha.update((byte) 0);
      sha.update(lockfile);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first lines (where npm says what is wrong) and the last ones. */
  private static List<String> tail(List<String> log) {
    if (log.size() <= 30) {
      return log;
    }
    List<String> both = new ArrayList<>(log.subList(0, 12));
    both.add("...");
    both.addAll(log.subList(log.size() - 12, log.size()));
    return both;
  }
}
