package dev.kiln.plugin.testkit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** Keeps what a plugin logged, as "LEVEL message" lines, for {@link ToolRun#log()}. */
final class CapturingLogger implements System.Logger {

  private static final int TAIL_LINES = 20;

  private final String name;
  private final List<String> lines = new ArrayList<>();

  CapturingLogger(String toolId) {
    this.name = "kiln.tool." + toolId;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return level != Level.OFF;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    add(level, msg + (thrown == null ? "" : " (" + thrown + ")"));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    add(
        level,
        params == null || params.length == 0 ? format : MessageFormat.format(format, params));
  }

  private synchronized void add(Level level, String message) {
    lines.add(level.getName() + " " + message);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The last lines, ready to append to a failure message, or "" if nothing was logged. */
  synchronized String tail() {
    if (lines.isEmpty()) {
      return "";
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return "\nlast lines the tool logged:\n  " + String.join("\n  ", tail);
  }
}
