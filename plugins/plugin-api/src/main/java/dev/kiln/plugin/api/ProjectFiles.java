package dev.kiln.plugin.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A read-only snapshot of a project's text files (valid UTF-8) as they were when the run started.
 * Dependencies ({@code node_modules}) and version-control data ({@code .git}) are never listed.
 * Implementations are provided by the host; only {@link #paths()} and {@link #get(String)} need
 * implementing.
 */
@Stable
public interface ProjectFiles {

  /**
   * Every file of the project.
   *
   * @return relative, '/'-separated paths in ascending order; never null, immutable
   */
  List<String> paths();

  /**
   * The files matching at least one of the globs, with the semantics of {@link Globs}.
   *
   * @param globs patterns such as {@code "**}{@code /*.{ts,tsx}"}, never null
   * @return matching paths in ascending order; never null, immutable
   * @throws IllegalArgumentException if a glob is malformed
   */
  default List<String> matching(List<String> globs) {
    Predicate<String> matcher = Globs.anyOf(globs);
    return paths().stream().filter(matcher).toList();
  }

  /**
   * One file.
   *
   * @param path a path as returned by {@link #paths()}, never null
   * @return the file, or empty if the project has no such file
   */
  Optional<ProjectFile> get(String path);
}
