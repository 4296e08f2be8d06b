package dev.kiln.plugin.eslint;

import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.ToolFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Node side of the tool ({@code lint.js}, run with {@code node -e}) and its line format: {@code
 * D path line column severity rule message} per problem, {@code F path content} per file ESLint
 * fixed; text fields are base64, fields are separated by tabs.
 */
final class LintScript {

  /** One line of the script's output. */
  sealed interface Line {}

  /** A problem; line and column 1-based (0 unknown); severity 2 is an error, 1 a warning. */
  record Problem(String path, int line, int column, int severity, String rule, String message)
      implements Line {}

  /** The file's content with all of ESLint's fixes applied. */
  record Fixed(String path, String content) implements Line {}

  private static final String RESOURCE = "lint.js";
  private static final int STDERR_TAIL_CHARS = 2000;

  private LintScript() {}

  /**
   * @param cacheFile where ESLint keeps its cache, or null for none
   */
  static List<String> command(boolean fix, String cacheFile, List<String> paths)
      throws ToolFailedException {
    List<String> command = new ArrayList<>(List.of("node", "-e", source(), "--"));
    command.add(fix ? "fix" : "report");
    command.add(cacheFile == null ? "-" : cacheFile);
    command.addAll(paths);
    return command;
  }

  static List<Line> parse(ExecOutcome outcome, int files) throws ToolFailedException {
    if (outcome.timedOut()) {
      throw new ToolFailedException("eslint did not finish linting " + files + " files in time");
    }
    if (outcome.exitCode() != 0) {
      throw new ToolFailedException(
          "eslint could not run (exit "
              + outcome.exitCode()
              + "); is eslint 9 a devDependency of the project, installed, and configured in"
              + " eslint.config.mjs? "
              + tail(outcome.stderr()));
    }
    if (outcome.truncated()) {
      throw new ToolFailedException(
          "eslint's output passed the sandbox's output cap; no results were kept");
    }
    List<Line> lines = new ArrayList<>();
    for (String line : outcome.stdout().split("\n")) {
      if (!line.isEmpty()) {
        lines.add(parseLine(line));
      }
    }
    return lines;
  }

  private static Line parseLine(String line) throws ToolFailedException {
    String[] f = line.split("\t", -1);
    if (f[0].equals("D") && f.length == 7) {
      return new Problem(
          decode(f[1]),
          Integer.parseInt(f[2]),
          Integer.parseInt(f[3]),
          Integer.parseInt(f[4]),
          decode(f[5]),
          decode(f[6]));
    }
    if (f[0].equals("F") && f.length == 3) {
      return new Fixed(decode(f[1]), decode(f[2]));
    }
    throw new ToolFailedException("unexpected line from lint.js: " + line);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String tail(String stderr) {
    String trimmed = stderr.strip();
    return trimmed.substring(Math.max(0, trimmed.length() - STDERR_TAIL_CHARS));
  }

  private static String source() throws ToolFailedException {
    try (InputStream in = LintScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ToolFailedException("the plugin jar lacks " + RESOURCE + ": reinstall it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolFailedException("cannot read " + RESOURCE + " from the plugin jar", e);
    }
  }
}
