package dev.kiln.plugin.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One text file of the project.
 *
 * @param path relative to the project root, '/'-separated, never null
 * @param content the whole file, never null
 * @param sha {@link #sha(String)} of {@code content}; the constructor rejects any other value, so
 *     it can be trusted as the {@link FileEdit#baseSha()} of an edit to this file
 */
@Stable
public record ProjectFile(String path, String content, String sha) {

  public ProjectFile {
    Checks.relativePath(path, "path");
    Objects.requireNonNull(content, "content");
    Checks.sha256Hex(sha, "sha");
    if (!sha.equals(sha(content))) {
      throw new IllegalArgumentException("sha does not match the content of " + path);
    }
  }

  /**
   * A file with its sha computed from the content.
   *
   * @param path relative, '/'-separated path, never null
   * @param content the whole file, never null
   * @return the file, never null
   */
  public static ProjectFile of(String path, String content) {
    return new ProjectFile(path, content, sha(content));
  }

  /**
   * The identity of a file's content, as used by {@link FileEdit#baseSha()}.
   *
   * @param content text, never null
   * @return the lowercase hex SHA-256 of its UTF-8 bytes (64 characters), never null
   */
  public static String sha(String content) {
    Objects.requireNonNull(content, "content");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
