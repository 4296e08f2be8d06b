package dev.kiln.platform.runtime;

/**
 * One row of the start-up table, contributed by the feature that made the choice (sandbox backend,
 * payments, ...). Rows are ordered by {@link #order()}.
 */
public interface StartupFact {

  /** Short name, e.g. {@code sandbox backend}. */
  String label();

  /** What was chosen and why, in one line. */
  String choice();

  /** Position among the contributed rows; lower first. */
  default int order() {
    return 100;
  }
}
