package dev.kiln.plugin.api;

/** Tells a running tool that the host wants it to stop; thread-safe. */
@Stable
@FunctionalInterface
public interface Cancellation {

  /**
   * Whether the run should stop; once true, stays true.
   *
   * @return true after a timeout, user cancel or shutdown
   */
  boolean isCancelled();

  /**
   * Stops the run if it was cancelled: call it between steps of long work.
   *
   * @throws ToolCancelledException if {@link #isCancelled()}
   */
  default void throwIfCancelled() throws ToolCancelledException {
    if (isCancelled()) {
      throw new ToolCancelledException();
    }
  }
}
