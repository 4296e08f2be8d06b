package dev.kiln.platform.generation.template;

import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one command did in a sandbox and everything it printed.
 *
 * @param limit the time the command had (busybox {@code timeout} ends it with 143 past it)
 */
record ToolRun(ExecResult result, List<String> lines, Duration limit) {

  private static final int TIMED_OUT = 143;
  private static final int KEPT_LINES = 15;
  private static final Pattern ERROR_LIKE =
      Pattern.compile("(?i)error|failed|\\[warn]|✖|cannot|not found|missing");

  /** Runs {@code command} in the workspace, killed after {@code limit}. */
  static ToolRun exec(Sandbox box, Duration limit, List<String> command) {
    List<String> timed = new ArrayList<>(List.of("timeout", String.valueOf(limit.toSeconds())));
    timed.addAll(command);
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ExecResult result = box.exec(timed, line -> lines.add(line.text()));
    return new ToolRun(result, List.copyOf(lines), limit);
  }

  boolean ok() {
    return result.succeeded();
  }

  /** Killed at its limit or for memory: the sandbox may hold leftovers and is not reused. */
  boolean killed() {
    return result.timedOut() || result.outOfMemory() || result.exitCode() == TIMED_OUT;
  }

  /** How it ended, then its first error-like line (and the one above it) onwards, else its end. */
  List<String> why() {
    List<String> said = lines.stream().filter(l -> !l.isBlank()).toList();
    int first = 0;
    while (first < said.size() && !ERROR_LIKE.matcher(said.get(first)).find()) {
      first++;
    }
    int from = first < said.size() ? Math.max(0, first - 1) : Math.max(0, said.size() - KEPT_LINES);
    List<String> why = new ArrayList<>();
    why.add(ending());
    why.addAll(said.subList(from, Math.min(said.size(), from + KEPT_LINES)));
    return why;
  }

  /** The first lines of {@code lines}, under how the command ended. */
  List<String> why(List<String> lines) {
    List<String> why = new ArrayList<>(List.of(ending()));
    why.addAll(lines.subList(0, Math.min(lines.size(), KEPT_LINES)));
    return why;
  }

  private String ending() {
    if (result.outOfMemory()) {
      return "ran out of memory";
    }
    return killed() ? "timed out after " + limit : "exit code " + result.exitCode();
  }

  String seconds() {
    return String.format("%.1fs", result.duration().toMillis() / 1000.0);
  }
}
