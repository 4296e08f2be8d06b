package dev.kiln.plugin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A throw-away copy of a project folder that commands run in, like the sandbox's workspace. The
 * top-level {@code node_modules} is not copied but linked, from the folder itself or from a
 * separately installed directory.
 */
final class Workspace implements AutoCloseable {

  private static final String NODE_MODULES = "node_modules";

  private final Path root;

  private Workspace(Path root) {
    this.root = root;
  }

  /**
   * @param nodeModules a directory to link as {@code node_modules}, or null to link the folder's
   *     own {@code node_modules} if it has one
   */
  static Workspace copyOf(Path folder, Path nodeModules) {
    try {
      Path root = Files.createTempDirectory("kiln-plugin-run-").toRealPath();
      copyTree(folder, root);
      Path link = nodeModules != null ? nodeModules : folder.resolve(NODE_MODULES);
      if (Files.isDirectory(link)) {
        Files.createSymbolicLink(root.resolve(NODE_MODULES), link.toRealPath());
      }
      return new Workspace(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + folder + " into a temporary workspace", e);
    }
  }

  private static void copyTree(Path folder, Path root) throws IOException {
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.equals(folder) ? "" : dir.getFileName().toString();
            boolean topLevelNodeModules =
                NODE_MODULES.equals(name) && dir.getParent().equals(folder);
            if (topLevelNodeModules || ".git".equals(name)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(root.resolve(FolderProjectFiles.relative(folder, dir)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                root.resolve(FolderProjectFiles.relative(folder, file)),
                LinkOption.NOFOLLOW_LINKS,
                StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  Path root() {
    return root;
  }

  /**
   * Makes the tool's cache directory, {@code .kiln-cache/<toolId>} as on the platform: empty, or a
   * link to {@code kept} so that what the tool writes stays there.
   *
   * @return its path relative to the workspace
   */
  String cacheDirectory(String toolId, Path kept) {
    String relative = ".kiln-cache/" + toolId;
    try {
      Path directory = root.resolve(relative);
      Files.createDirectories(directory.getParent());
      if (kept == null) {
        Files.createDirectory(directory);
      } else {
        Files.createSymbolicLink(directory, kept.toRealPath());
      }
      return relative;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the cache directory in " + root, e);
    }
  }

  /** Deletes the copy; links are removed, never followed. */
  @Override
  public void close() {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary workspace " + root, e);
    }
  }
}
