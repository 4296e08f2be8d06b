package dev.kiln.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The glob dialect of {@link ToolDescriptor#reads()} and {@link ProjectFiles#matching(List)},
 * matched against whole relative paths such as {@code src/app/page.tsx}:
 *
 * <ul>
 *   <li>{@code *} any characters within one path segment (dot files included);
 *   <li>{@code ?} one character other than '/';
 *   <li>{@code **} as a whole segment: zero or more segments, so {@code "**}{@code /*.ts"} matches
 *       {@code a.ts} and {@code src/lib/a.ts}, and {@code "src/**"} everything under {@code src/};
 *   <li>{@code {a,b}} alternatives, which may nest;
 *   <li>{@code \} makes the next character literal; everything else matches itself.
 * </ul>
 */
@Incubating
public final class Globs {

  private static final String REGEX_SPECIALS = "\\.[]{}()<>*+-=!?^$|,";

  private Globs() {}

  /**
   * Whether a path matches a glob.
   *
   * @param glob the pattern, never null or blank
   * @param path a relative '/'-separated path, never null
   * @return true if the whole path matches
   * @throws IllegalArgumentException if the glob is malformed
   */
  public static boolean matches(String glob, String path) {
    Objects.requireNonNull(path, "path");
    return compile(glob).matcher(path).matches();
  }

  /**
   * A test for "matches at least one of these globs", compiled once.
   *
   * @param globs patterns, never null; an empty list matches nothing
   * @return the predicate, never null
   * @throws IllegalArgumentException if a glob is malformed
   */
  public static Predicate<String> anyOf(List<String> globs) {
    List<Pattern> patterns = globs.stream().map(Globs::compile).toList();
    return path -> patterns.stream().anyMatch(p -> p.matcher(path).matches());
  }

  /**
   * Rejects a malformed glob.
   *
   * @param glob the pattern
   * @throws IllegalArgumentException if it is blank, has unbalanced braces or ends in '\'
   */
  public static void validate(String glob) {
    compile(glob);
  }

  static Pattern compile(String glob) {
    Checks.nonBlank(glob, "glob");
    StringBuilder regex = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> i = star(glob, i, regex);
        case '?' -> regex.append("[^/]");
        case '{' -> {
          depth++;
          regex.append("(?:");
        }
        case '}' -> {
          if (--depth < 0) {
            throw malformed(glob, "'}' without '{'");
          }
          regex.append(')');
        }
        case ',' -> regex.append(depth > 0 ? "|" : ",");
        case '\\' -> {
          if (++i == glob.length()) {
            throw malformed(glob, "ends with '\\'");
          }
          literal(glob.charAt(i), regex);
        }
        default -> literal(c, regex);
      }
    }
    if (depth != 0) {
      throw malformed(glob, "'{' without '}'");
    }
    return Pattern.compile(regex.toString());
  }

  /** Translates the star(s) at {@code i}; returns the index of the last character consumed. */
  private static int star(String glob, int i, StringBuilder regex) {
    boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
    if (!doubleStar) {
      regex.append("[^/]*");
      return i;
    }
    boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
    if (segmentStart && slashFollows) {
      regex.append("(?:[^/]*/)*");
      return i + 2;
    }
    regex.append(".*");
    return i + 1;
  }

  private static void literal(char c, StringBuilder regex) {
    if (REGEX_SPECIALS.indexOf(c) >= 0) {
      regex.append('\\');
    }
    regex.append(c);
  }

  private static IllegalArgumentException malformed(String glob, String problem) {
    return new IllegalArgumentException("malformed glob \"" + glob + "\": " + problem);
  }
}
