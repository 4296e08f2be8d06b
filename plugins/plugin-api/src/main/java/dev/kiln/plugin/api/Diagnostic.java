package dev.kiln.plugin.api;

import java.util.Objects;

/**
 * One finding of a tool.
 *
 * @param file the file it is about, relative to the project root and '/'-separated, or {@code ""}
 *     for the project as a whole; never null
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column (in UTF-16 code units, as editors count), 0 when unknown
 * @param severity how serious it is, never null
 * @param rule the tool's name for the check, e.g. {@code "prefer-const"} or {@code "TS2322"}; never
 *     blank
 * @param message what is wrong, for a person to read; may span lines; never blank
 */
@Stable
public record Diagnostic(
    String file, int line, int column, Severity severity, String rule, String message) {

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    if (!file.isEmpty()) {
      Checks.relativePath(file, "file");
    }
    Checks.nonNegative(line, "line");
    Checks.nonNegative(column, "column");
    Objects.requireNonNull(severity, "severity");
    Checks.nonBlank(rule, "rule");
    Checks.nonBlank(message, "message");
  }
}
