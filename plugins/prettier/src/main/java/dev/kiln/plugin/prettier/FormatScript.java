package dev.kiln.plugin.prettier;

import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.ToolFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Node side of the tool ({@code format.js}, run with {@code node -e}) and its line format:
 * {@code F path content} for a file whose formatting changes, {@code X path line column message}
 * for a file Prettier cannot parse; text fields are base64, fields are separated by tabs.
 */
final class FormatScript {

  /** One line of the script's output. */
  sealed interface Line {}

  /** The file's content formatted differs from its content. */
  record Reformatted(String path, String content) implements Line {}

  /** Prettier cannot parse the file; line and column are 1-based, 0 when unknown. */
  record Unparsable(String path, int line, int column, String message) implements Line {}

  private static final String RESOURCE = "format.js";
  private static final int STDERR_TAIL_CHARS = 2000;

  private FormatScript() {}

  /**
   * @param cacheFile where the script remembers the files it found formatted, or null for nowhere
   */
  static List<String> command(String cacheFile, List<String> paths) throws ToolFailedException {
    List<String> command = new ArrayList<>(List.of("node", "-e", source(), "--"));
    command.add(cacheFile == null ? "-" : cacheFile);
    command.addAll(paths);
    return command;
  }

  static List<Line> parse(ExecOutcome outcome, int files) throws ToolFailedException {
    if (outcome.timedOut()) {
      throw new ToolFailedException(
          "prettier did not finish formatting " + files + " files in time");
    }
    if (outcome.exitCode() != 0) {
      throw new ToolFailedException(
          "prettier could not run (exit "
              + outcome.exitCode()
              + "); is prettier 3 a devDependency of the project and installed? "
              + tail(outcome.stderr()));
    }
    if (outcome.truncated()) {
      throw new ToolFailedException(
          "prettier's output passed the sandbox's output cap; no edits were made");
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
    String[] fields = line.split("\t", -1);
    if (fields[0].equals("F") && fields.length == 3) {
      return new Reformatted(decode(fields[1]), decode(fields[2]));
    }
    if (fields[0].equals("X") && fields.length == 5) {
      return new Unparsable(
          decode(fields[1]),
          Integer.parseInt(fields[2]),
          Integer.parseInt(fields[3]),
          decode(fields[4]));
    }
    throw new ToolFailedException("unexpected line from format.js: " + line);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String tail(String stderr) {
    String trimmed = stderr.strip();
    return trimmed.substring(Math.max(0, trimmed.length() - STDERR_TAIL_CHARS));
  }

  private static String source() throws ToolFailedException {
    try (InputStream in = FormatScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ToolFailedException("the plugin jar lacks " + RESOURCE + ": reinstall it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolFailedException("cannot read " + RESOURCE + " from the plugin jar", e);
    }
  }
}
