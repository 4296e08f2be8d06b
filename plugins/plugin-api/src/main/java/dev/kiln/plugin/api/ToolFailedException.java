package dev.kiln.plugin.api;

/**
 * The tool itself could not run (its binary is missing, it crashed, its output was cut off), as
 * opposed to running and finding problems. The message is shown to the user and the admin, so it
 * should say what failed and what to do about it.
 */
@Stable
public class ToolFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and what to do about it, never null
   */
  public ToolFailedException(String message) {
    super(message);
  }

  /**
   * @param message what failed and what to do about it, never null
   * @param cause the underlying failure
   */
  public ToolFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
