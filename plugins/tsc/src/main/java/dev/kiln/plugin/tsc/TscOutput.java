package dev.kiln.plugin.tsc;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code tsc --pretty false} prints: {@code file(line,col): error TS2322: message} for a
 * problem in a file, {@code error TS5057: message} for one in the project as a whole, and indented
 * lines continuing the previous message, which are joined to it with newlines.
 */
final class TscOutput {

  private static final Pattern IN_FILE =
      Pattern.compile(
          "^(.+)\\((\\d+),(\\d+)\\): (error|warning|message|suggestion) (TS\\d+): (.*)$");
  private static final Pattern IN_PROJECT =
      Pattern.compile("^(error|warning|message|suggestion) (TS\\d+): (.*)$");

  private TscOutput() {}

  static List<Diagnostic> parse(String stdout) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (String line : stdout.split("\r?\n")) {
      Diagnostic parsed = parseLine(line);
      if (parsed != null) {
        diagnostics.add(parsed);
      } else if (!line.isBlank()
          && Character.isWhitespace(line.charAt(0))
          && !diagnostics.isEmpty()) {
        diagnostics.add(continued(diagnostics.removeLast(), line.strip()));
      }
    }
    return diagnostics;
  }

  private static Diagnostic parseLine(String line) {
    Matcher inFile = IN_FILE.matcher(line);
    if (inFile.matches()) {
      String file = inFile.group(1);
      int lineNumber = Integer.parseInt(inFile.group(2));
      int column = Integer.parseInt(inFile.group(3));
      Severity severity = severity(inFile.group(4));
      if (!isProjectPath(file)) { // outside the workspace: keep the location in the message
        String where = file + "(" + lineNumber + "," + column + "): ";
        return new Diagnostic("", 0, 0, severity, inFile.group(5), where + inFile.group(6));
      }
      return new Diagnostic(file, lineNumber, column, severity, inFile.group(5), inFile.group(6));
    }
    Matcher inProject = IN_PROJECT.matcher(line);
    if (inProject.matches()) {
      return new Diagnostic(
          "", 0, 0, severity(inProject.group(1)), inProject.group(2), inProject.group(3));
    }
    return null;
  }

  private static Diagnostic continued(Diagnostic d, String more) {
    return new Diagnostic(
        d.file(), d.line(), d.column(), d.severity(), d.rule(), d.message() + "\n" + more);
  }

  private static Severity severity(String category) {
    return switch (category) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      default -> Severity.INFO;
    };
  }

  private static boolean isProjectPath(String path) {
    if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
