package dev.kiln.platform.generation;

import dev.kiln.plugin.api.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the auto-fix loop: which files an error implicates, and which of a fixer's changes
 * are kept (only implicated files, only real changes).
 */
final class AutoFix {

  /**
   * A path as tools print it: {@code app/x/page.tsx(3,7)} (tsc), {@code ./app/x/page.tsx:3:7}
   * (Next.js), {@code /workspace/lib/a.ts:3:7} (absolute in the sandbox).
   */
  private static final Pattern PATH =
      Pattern.compile(
          "(?:^|[\\s'\"`(])(?:\\./|/workspace/)?([\\w@\\[\\]().-]+(?:/[\\w@\\[\\]().-]+)*"
              + "\\.(?:tsx|ts|jsx|js|mjs|cjs|css|json|sql))(?=[\\s:(,'\"`]|$)");

  /** What a fixer's proposal comes to: the changed implicated files, and the paths refused. */
  record Changes(SortedMap<String, String> files, List<String> refused) {}

  private AutoFix() {}

  /** The project files that {@code errors} name, in path order. */
  static Set<String> implicated(Collection<String> errors, Set<String> projectFiles) {
    Set<String> found = new TreeSet<>();
    for (String error : errors) {
      Matcher m = PATH.matcher(error);
      while (m.find()) {
        String path = m.group(1);
        if (projectFiles.contains(path)) {
          found.add(path);
        }
      }
    }
    return found;
  }

  /** Keeps the proposed files that are implicated and differ from their current content. */
  static Changes changes(Map<String, String> implicated, Map<String, String> proposed) {
    SortedMap<String, String> files = new TreeMap<>();
    List<String> refused = new ArrayList<>();
    proposed.forEach(
        (path, content) -> {
          String current = implicated.get(path);
          if (current == null) {
            refused.add(path);
          } else if (!current.equals(content)) {
            files.put(path, content);
          }
        });
    return new Changes(files, List.copyOf(refused));
  }

  /** A plugin's error as one line that names its file, as a build tool would print it. */
  static String describe(Diagnostic d) {
    return d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule() + ": " + d.message();
  }
}
