package dev.kiln.platform.plugins;

import dev.kiln.platform.runtime.RuntimeSettings;
import dev.kiln.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The tools' own caches ({@code ToolContext.cacheDirectory()}), kept on the host per organisation,
 * dependency set and plugin version: {@code <root>/<org>/<deps>/<plugin>@<version>/}. Before a run
 * they are written into the sandbox under {@code .kiln-cache/<plugin>/}; after it the directories
 * of the plugins that succeeded are moved out and replace the kept ones. A cache is only ever an
 * optimisation: what is too big, holds a link or cannot be kept is dropped, never an error. An
 * organisation never sees another's cache. An organisation with no cache of its own for a plugin
 * gets the <em>baseline</em>, the cache of the platform's own project ({@link BaselineProject}),
 * kept under the pseudo-organisation {@link #BASELINE}.
 */
@Component
class ToolCaches {

  /** Whose caches are the baseline: no organisation's id (those are random UUIDs). */
  static final UUID BASELINE = new UUID(0, 0);

  /** The workspace directory holding every plugin's cache directory. */
  static final String WORKSPACE_DIR = ".kiln-cache";

  private static final Logger log = LoggerFactory.getLogger(ToolCaches.class);
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");
  private static final String MARKER = ".kiln";

  private final Path root;
  private final long maxBytes;

  ToolCaches(PluginSettings settings, RuntimeSettings runtime) {
    this.root =
        (settings.toolCache() != null
                ? settings.toolCache()
                : runtime.home().resolve("cache").resolve("tools"))
            .toAbsolutePath();
    this.maxBytes = settings.toolCacheMaxSize().toBytes();
  }

  /** The cache directory a plugin gets, relative to the workspace. */
  static String directory(InstalledPlugin plugin) {
    return WORKSPACE_DIR + "/" + plugin.id();
  }

  /**
   * The files to upload so that each plugin finds its cache directory, with what was kept for it
   * (workspace-relative paths): the org's own cache, else the baseline.
   */
  Map<String, byte[]> restore(UUID org, String deps, Collection<InstalledPlugin> plugins) {
    Map<String, byte[]> files = new HashMap<>();
    for (InstalledPlugin plugin : plugins) {
      String directory = directory(plugin);
      files.put(directory + "/" + MARKER, new byte[0]);
      kept(org, deps, plugin)
          .or(() -> kept(BASELINE, deps, plugin))
          .ifPresent(kept -> files.putAll(read(kept, directory)));
    }
    return files;
  }

  /** Whether the baseline lacks a cache for one of {@code plugins} on {@code deps}. */
  boolean baselineMissing(String deps, Collection<InstalledPlugin> plugins) {
    return plugins.stream().anyMatch(p -> kept(BASELINE, deps, p).isEmpty());
  }

  /**
   * Moves the cache directories of {@code succeeded} out of the sandbox and keeps them in place of
   * the old ones. Call it when no command runs in the sandbox any more.
   */
  void keep(UUID org, String deps, Sandbox sandbox, Collection<InstalledPlugin> succeeded) {
    List<InstalledPlugin> keepable = succeeded.stream().filter(ToolCaches::safe).toList();
    if (keepable.isEmpty() || !SAFE.matcher(deps).matches()) {
      return;
    }
    Path staging = root.resolve(".staging").resolve(UUID.randomUUID().toString());
    try {
      sandbox.moveOut(WORKSPACE_DIR, staging);
      for (InstalledPlugin plugin : keepable) {
        Path fresh = staging.resolve(plugin.id());
        if (acceptable(fresh)) {
          replace(fresh, target(org, deps, plugin));
        }
      }
    } catch (RuntimeException | IOException e) {
      log.debug("Could not keep the tool caches of org {}: {}", org, e.toString());
    } finally {
      delete(staging);
    }
  }

  private static boolean safe(InstalledPlugin plugin) {
    return SAFE.matcher(plugin.id()).matches() && SAFE.matcher(plugin.version()).matches();
  }

  private Optional<Path> kept(UUID org, String deps, InstalledPlugin plugin) {
    if (!safe(plugin) || !SAFE.matcher(deps).matches()) {
      return Optional.empty();
    }
    Path directory = target(org, deps, plugin);
    return Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(directory)
        : Optional.empty();
  }

  private Path target(UUID org, String deps, InstalledPlugin plugin) {
    return root.resolve(org.toString()).resolve(deps).resolve(plugin.id() + "@" + plugin.version());
  }

  /** Regular files only (links are never followed), with paths under {@code prefix}. */
  private Map<String, byte[]> read(Path directory, String prefix) {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          String relative = directory.relativize(file).toString().replace('\\', '/');
          files.put(prefix + "/" + relative, Files.readAllBytes(file));
        }
      }
      return files;
    } catch (IOException | UncheckedIOException e) {
      log.debug("Dropping the unreadable tool cache {}: {}", directory, e.toString());
      return Map.of();
    }
  }

  /** A directory of regular files and directories only, under the size limit. */
  private boolean acceptable(Path directory) throws IOException {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() && !attributes.isDirectory()) {
          return false;
        }
        bytes += attributes.size();
        if (bytes > maxBytes) {
          log.debug("Not keeping the tool cache {}: over {} bytes", directory, maxBytes);
          return false;
        }
      }
    }
    return true;
  }

  private static void replace(Path fresh, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path old = target.resolveSibling(target.getFileName() + ".old-" + UUID.randomUUID());
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    delete(old);
  }

  /** Deletes a tree; links are deleted, never followed. */
  private static void delete(Path tree) {
    try {
      FileSystemUtils.deleteRecursively(tree);
    } catch (IOException e) {
      log.debug("Could not delete {}: {}", tree, e.toString());
    }
  }
}
