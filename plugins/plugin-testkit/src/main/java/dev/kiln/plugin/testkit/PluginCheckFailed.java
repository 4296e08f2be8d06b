package dev.kiln.plugin.testkit;

/**
 * A plugin did something the Kiln host would reject or report as a failed run: an invalid
 * descriptor, an incompatible SDK range, an exception, a timeout, an edit outside the project or
 * against stale content, a broken package. The message says what and how to fix it. An {@link
 * AssertionError}, so test frameworks report it as a test failure.
 */
public class PluginCheckFailed extends AssertionError {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what the plugin did wrong and how to fix it, never null
   */
  public PluginCheckFailed(String message) {
    super(message);
  }

  /**
   * @param message what the plugin did wrong and how to fix it, never null
   * @param cause the plugin's exception
   */
  public PluginCheckFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
