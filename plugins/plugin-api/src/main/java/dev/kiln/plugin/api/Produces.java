package dev.kiln.plugin.api;

/** What a tool's {@link ToolResult} may contain; the host ignores anything not declared. */
@Stable
public enum Produces {
  /** Findings: {@link ToolResult#diagnostics()}. */
  DIAGNOSTICS,
  /** Proposed file changes: {@link ToolResult#edits()}. */
  EDITS
}
