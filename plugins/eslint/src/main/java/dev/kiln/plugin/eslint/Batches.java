package dev.kiln.plugin.eslint;

import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.ProjectFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the files to lint into batches small enough that one command's arguments and its output
 * (diagnostics and fixed files, base64) stay well under the sandbox's limits.
 */
final class Batches {

  /** Source characters per batch; the output is about 4/3 of it. */
  static final long MAX_CHARS = 1024 * 1024;

  /** Files per batch, which bounds the command line. */
  static final int MAX_FILES = 400;

  private Batches() {}

  static List<List<String>> split(ProjectFiles files, List<String> paths) {
    List<List<String>> batches = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    long chars = 0;
    for (String path : paths) {
      long size = files.get(path).map(ProjectFile::content).map(String::length).orElse(0);
      if (!batch.isEmpty() && (chars + size > MAX_CHARS || batch.size() == MAX_FILES)) {
        batches.add(batch);
        batch = new ArrayList<>();
        chars = 0;
      }
      batch.add(path);
      chars += size;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }
}
