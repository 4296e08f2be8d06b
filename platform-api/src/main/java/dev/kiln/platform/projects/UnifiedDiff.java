package dev.kiln.platform.projects;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Unified diffs of one text file: made with JGit's histogram diff (3 lines of context, {@code \ No
 * newline at end of file} where it applies) and applied strictly: every context and removed line
 * must match the base exactly where the hunk says, or the diff is refused. No fuzz, no offsets, so
 * a diff never lands anywhere but where it was computed.
 */
public final class UnifiedDiff {

  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");
  private static final String NO_NEWLINE = "\\ No newline at end of file";

  /** The diff does not apply to the content it is applied to, or is malformed. */
  public static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message);
    }
  }

  private UnifiedDiff() {}

  /** The unified diff from {@code before} to {@code after}; empty when they are equal. */
  public static String between(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
    EditList edits =
        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      out.write(("--- a/" + path + "\n+++ b/" + path + "\n").getBytes(StandardCharsets.UTF_8));
      formatter.format(edits, a, b);
      formatter.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Applies {@code diff} to {@code base}.
   *
   * @throws Mismatch when a hunk's context or removed lines are not in {@code base} where it says,
   *     or the diff is malformed
   */
  public static String apply(String base, String diff) {
    Text text = Text.of(base);
    List<String> old = text.lines();
    List<String> out = new ArrayList<>();
    String[] lines = diff.split("\n", -1);
    int i = 0;
    while (i < lines.length && !lines[i].startsWith("@@")) {
      if (!lines[i].isEmpty() && !lines[i].startsWith("---") && !lines[i].startsWith("+++")) {
        throw new Mismatch("unexpected line before the first hunk: " + lines[i]);
      }
      i++;
    }
    if (i >= lines.length - 1 && !lines[lines.length - 1].startsWith("@@")) {
      throw new Mismatch("the diff has no hunk");
    }
    int cursor = 0;
    Boolean endsWithNewline = null;
    int end = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    while (i < end) {
      Matcher header = HUNK.matcher(lines[i]);
      if (!header.matches()) {
        throw new Mismatch("expected a hunk header, found: " + lines[i]);
      }
      int oldStart = Integer.parseInt(header.group(1));
      int oldLength = header.group(2) == null ? 1 : Integer.parseInt(header.group(2));
      int newLength = header.group(4) == null ? 1 : Integer.parseInt(header.group(4));
      int at = oldLength == 0 ? oldStart : oldStart - 1;
      if (at < cursor || at > old.size()) {
        throw new Mismatch("a hunk at line " + oldStart + " is out of order or past the end");
      }
      out.addAll(old.subList(cursor, at));
      cursor = at;
      endsWithNewline = null;
      int removed = 0;
      int added = 0;
      for (i++; i < end && (removed < oldLength || added < newLength); i++) {
        String line = lines[i];
        char kind = line.isEmpty() ? '?' : line.charAt(0);
        boolean unterminated = i + 1 < end && lines[i + 1].equals(NO_NEWLINE);
        if (kind == ' ' || kind == '-') {
          boolean last = cursor == old.size() - 1;
          if (cursor >= old.size() || !old.get(cursor).equals(line.substring(1))) {
            throw new Mismatch("line " + (cursor + 1) + " is not what the diff expects");
          }
          if (unterminated && !(last && !text.newlineAtEnd())) {
            throw new Mismatch("the diff expects line " + (cursor + 1) + " to end the file");
          }
          cursor++;
          removed++;
        } else if (kind != '+') {
          throw new Mismatch("unexpected line inside a hunk: " + line);
        }
        if (kind == ' ' || kind == '+') {
          out.add(line.substring(1));
          added++;
          endsWithNewline = !unterminated;
        }
        if (unterminated) {
          i++;
        }
      }
      if (removed != oldLength || added != newLength) {
        throw new Mismatch("a hunk is shorter than its header says");
      }
    }
    boolean newlineAtEnd = text.newlineAtEnd();
    if (cursor == old.size()) {
      // the last hunk reached the end: its last new line decides (or an untouched line, which had
      // a newline since it was not the last)
      newlineAtEnd = endsWithNewline == null || endsWithNewline;
    }
    out.addAll(old.subList(cursor, old.size()));
    return out.isEmpty() ? "" : String.join("\n", out) + (newlineAtEnd ? "\n" : "");
  }

  /** A text as lines without their terminators, and whether the last one had one. */
  private record Text(List<String> lines, boolean newlineAtEnd) {
    static Text of(String content) {
      if (content.isEmpty()) {
        return new Text(List.of(), true);
      }
      boolean newline = content.endsWith("\n");
      String body = newline ? content.substring(0, content.length() - 1) : content;
      return new Text(List.of(body.split("\n", -1)), newline);
    }
  }
}
