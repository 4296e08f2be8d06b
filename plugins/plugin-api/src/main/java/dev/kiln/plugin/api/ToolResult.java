package dev.kiln.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * What a run found and proposes.
 *
 * @param diagnostics findings, in the order the tool reported them; never null, an immutable copy
 * @param edits proposed changes, at most one per file; never null, an immutable copy
 */
@Stable
public record ToolResult(List<Diagnostic> diagnostics, List<FileEdit> edits) {

  public ToolResult {
    diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
    edits = List.copyOf(Objects.requireNonNull(edits, "edits"));
    long distinctPaths = edits.stream().map(FileEdit::path).distinct().count();
    if (distinctPaths != edits.size()) {
      throw new IllegalArgumentException("edits must not contain two edits of the same file");
    }
  }

  /**
   * Nothing found, nothing to change.
   *
   * @return an empty result, never null
   */
  public static ToolResult empty() {
    return new ToolResult(List.of(), List.of());
  }

  /**
   * Findings only.
   *
   * @param diagnostics the findings, never null
   * @return the result, never null
   */
  public static ToolResult ofDiagnostics(List<Diagnostic> diagnostics) {
    return new ToolResult(diagnostics, List.of());
  }

  /**
   * Proposed changes only.
   *
   * @param edits the changes, at most one per file, never null
   * @return the result, never null
   */
  public static ToolResult ofEdits(List<FileEdit> edits) {
    return new ToolResult(List.of(), edits);
  }
}
