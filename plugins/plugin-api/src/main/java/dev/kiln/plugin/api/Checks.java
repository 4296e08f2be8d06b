package dev.kiln.plugin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the SDK's value records. */
final class Checks {

  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  private Checks() {}

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * A path relative to the project root: '/'-separated, no leading '/', no empty, "." or ".."
   * segment, no backslash.
   */
  static String relativePath(String path, String name) {
    Objects.requireNonNull(path, name);
    if (!isRelativePath(path)) {
      throw new IllegalArgumentException(
          name
              + " must be a '/'-separated path relative to the project root, without '.' or '..'"
              + " segments: \""
              + path
              + "\"");
    }
    return path;
  }

  static boolean isRelativePath(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  static String sha256Hex(String sha, String name) {
    Objects.requireNonNull(sha, name);
    if (!SHA_256_HEX.matcher(sha).matches()) {
      throw new IllegalArgumentException(
          name + " must be a lowercase hex SHA-256 (64 characters): \"" + sha + "\"");
    }
    return sha;
  }

  static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }
}
