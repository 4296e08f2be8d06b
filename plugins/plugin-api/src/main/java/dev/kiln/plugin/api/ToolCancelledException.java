package dev.kiln.plugin.api;

/**
 * A run stopped because its {@link Cancellation} asked it to; the host records it as cancelled, not
 * as a failure of the plugin.
 */
@Stable
public class ToolCancelledException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A cancellation with the standard message. */
  public ToolCancelledException() {
    super("the tool run was cancelled");
  }
}
