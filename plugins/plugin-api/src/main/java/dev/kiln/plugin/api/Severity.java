package dev.kiln.plugin.api;

/** How serious a {@link Diagnostic} is. */
@Stable
public enum Severity {
  /** The project is broken or violates a rule that must hold. */
  ERROR,
  /** Likely a problem, but the project still works. */
  WARNING,
  /** A remark or suggestion. */
  INFO
}
