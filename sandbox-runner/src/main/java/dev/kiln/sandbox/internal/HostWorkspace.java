package dev.kiln.sandbox.internal;

import dev.kiln.sandbox.SandboxFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job's workspace directory on the host, mounted as {@code /workspace} and owned by the sandbox
 * user. Reading it back never follows a symbolic link, whatever the job left there.
 */
public final class HostWorkspace {

  /** The uid and gid of the sandbox user. */
  public static final int SANDBOX_UID = 1000;

  private static final long MAX_READ_BYTES = 64L * 1024 * 1024;

  private final Path root;

  private HostWorkspace(Path root) {
    this.root = root;
  }

  /** Creates {@code parent/id}, owned by the sandbox user. */
  public static HostWorkspace create(Path parent, String id) {
    try {
      Files.createDirectories(parent);
      Path root = Files.createDirectory(parent.resolve(id));
      Files.setAttribute(root, "unix:uid", SANDBOX_UID);
      Files.setAttribute(root, "unix:gid", SANDBOX_UID);
      return new HostWorkspace(root.toRealPath());
    } catch (IOException e) {
      throw new SandboxFailure("Could not create a workspace under " + parent, e);
    }
  }

  public Path root() {
    return root;
  }

  /** Writes files; a path that escapes the workspace or crosses a link is refused. */
  public void write(Map<String, byte[]> files) {
    files.forEach(
        (relative, content) -> {
          Path target =
              resolve(relative)
                  .orElseThrow(() -> new IllegalArgumentException("Bad path: " + relative));
          try {
            Path dir = target.getParent();
            createDirectoriesOwned(dir);
            Files.write(
                target,
                content,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(target, "unix:uid", SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(target, "unix:gid", SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
          } catch (IOException e) {
            throw new SandboxFailure("Could not write " + relative + " into the workspace", e);
          }
        });
  }

  /**
   * The bytes of a regular file; empty when missing, not regular, too large, or when any part of
   * the path is a link. The caller keeps the job from changing the tree while this runs.
   */
  public Optional<byte[]> read(String relative) {
    Optional<Path> target = resolve(relative);
    if (target.isEmpty() || !Files.isRegularFile(target.get(), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            target.get(), Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      if (channel.size() > MAX_READ_BYTES) {
        return Optional.empty();
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // keep reading
      }
      return Optional.of(buffer.array());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Moves a directory of the workspace to {@code target}; refused across links. On another file
   * system the tree is copied (directories and regular files; links inside it are left behind,
   * never followed) and then deleted.
   */
  public void moveOut(String relative, Path target) {
    Path source =
        resolve(relative)
            .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
            .orElseThrow(() -> new SandboxFailure("No directory " + relative + " to move out"));
    try {
      Files.createDirectories(target.getParent());
      try {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        copyTree(source, target);
        deleteTree(source);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new SandboxFailure("Could not move " + relative + " to " + target, e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectory(target.resolve(source.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              Files.copy(
                  file,
                  target.resolve(source.relativize(file).toString()),
                  LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Deletes the tree without following links; idempotent. */
  public void delete() {
    deleteTree(root);
  }

  /**
   * Deletes a directory tree, never following a link out of it (a link is deleted, not its target);
   * a missing tree is fine.
   */
  public static void deleteTree(Path top) {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          top,
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
      throw new UncheckedIOException("Could not delete " + top, e);
    }
  }

  /** The path under the root, if it stays inside and no existing component is a link. */
  Optional<Path> resolve(String relative) {
    if (relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      return Optional.empty();
    }
    Path current = root;
    for (Path part : root.relativize(target)) {
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        return Optional.empty();
      }
    }
    return Optional.of(target);
  }

  private void createDirectoriesOwned(Path dir) throws IOException {
    if (dir.equals(root) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    createDirectoriesOwned(dir.getParent());
    Files.createDirectory(dir);
    Files.setAttribute(dir, "unix:uid", SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(dir, "unix:gid", SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
  }
}
