package dev.kiln.plugin.api;

import java.util.Objects;

/**
 * A proposed new content for an existing project file. The host applies it only if the file is
 * inside the project and still has the content the tool saw, i.e. its sha equals {@code baseSha};
 * otherwise the edit is rejected, never merged.
 *
 * @param path the file, relative to the project root and '/'-separated, never null
 * @param newContent the whole new content, never null
 * @param baseSha {@link ProjectFile#sha()} of the content the edit was computed from, never null
 */
@Stable
public record FileEdit(String path, String newContent, String baseSha) {

  public FileEdit {
    Checks.relativePath(path, "path");
    Objects.requireNonNull(newContent, "newContent");
    Checks.sha256Hex(baseSha, "baseSha");
  }

  /**
   * An edit replacing a file the tool read.
   *
   * @param base the file as the tool saw it, never null
   * @param newContent its whole new content, never null
   * @return the edit, never null
   */
  public static FileEdit of(ProjectFile base, String newContent) {
    return new FileEdit(base.path(), newContent, base.sha());
  }
}
