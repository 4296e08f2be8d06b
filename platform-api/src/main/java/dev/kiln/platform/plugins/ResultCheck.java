package dev.kiln.platform.plugins;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the host verifies in a plugin's result before anything of it is used: present and
 * well-formed, within the caps, every edit inside the project. Edits computed from a file that has
 * changed since are rejected one by one; anything else wrong rejects the whole result.
 */
final class ResultCheck {

  /** A result that must not be used at all, with the reason. */
  static final class Invalid extends Exception {
    Invalid(String reason) {
      super(reason);
    }
  }

  /** What may be used: kept diagnostics, edits to apply, and those rejected. */
  record Checked(
      List<Diagnostic> diagnostics,
      int dropped,
      List<FileEdit> edits,
      List<PluginOutcome.RejectedEdit> rejected) {}

  private ResultCheck() {}

  static Checked check(
      ToolResult result,
      java.util.Set<Produces> produces,
      Map<String, String> files,
      int maxEdits,
      int maxDiagnostics)
      throws Invalid {
    if (result == null) {
      throw new Invalid("the plugin returned no result (null)");
    }
    if (result.diagnostics() == null || result.edits() == null) {
      throw new Invalid("the plugin returned a result without its diagnostics or edits list");
    }
    if (!result.diagnostics().isEmpty() && !produces.contains(Produces.DIAGNOSTICS)) {
      throw new Invalid("the plugin returned diagnostics but its descriptor does not produce them");
    }
    if (!result.edits().isEmpty() && !produces.contains(Produces.EDITS)) {
      throw new Invalid("the plugin returned edits but its descriptor does not produce them");
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    int dropped = 0;
    for (Diagnostic d : result.diagnostics()) {
      if (d == null) {
        throw new Invalid("the plugin returned a null diagnostic");
      }
      if (diagnostics.size() < maxDiagnostics) {
        diagnostics.add(d);
      } else {
        dropped++;
      }
    }
    if (result.edits().size() > maxEdits) {
      throw new Invalid(
          "the plugin proposed " + result.edits().size() + " edits; at most " + maxEdits);
    }
    List<FileEdit> edits = new ArrayList<>();
    List<PluginOutcome.RejectedEdit> rejected = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (FileEdit edit : result.edits()) {
      if (edit == null || edit.path() == null || edit.newContent() == null) {
        throw new Invalid("the plugin returned an incomplete edit");
      }
      String path = edit.path();
      if (!insideProject(path)) {
        throw new Invalid("the plugin tried to edit outside the project: " + path);
      }
      if (!seen.add(path)) {
        throw new Invalid("the plugin proposed two edits to " + path);
      }
      String current = files.get(path);
      if (current == null) {
        throw new Invalid("the plugin tried to edit a file the project does not have: " + path);
      }
      if (!ProjectFile.sha(current).equals(edit.baseSha())) {
        rejected.add(
            new PluginOutcome.RejectedEdit(
                path, "the file changed since the plugin read it (base sha differs)"));
        continue;
      }
      edits.add(edit);
    }
    return new Checked(List.copyOf(diagnostics), dropped, List.copyOf(edits), rejected);
  }

  /** A relative, '/'-separated path with no '.', '..' or empty segment, outside dependencies. */
  static boolean insideProject(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(0) >= 0) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return !PluginRunner.ignored(path);
  }
}
