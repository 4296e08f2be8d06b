package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.ProjectFiles;
import dev.kiln.plugin.api.SdkVersion;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import dev.kiln.plugin.api.ToolResult;

/** What the host verifies before and after running a tool; each failure says how to fix it. */
final class PluginChecks {

  private PluginChecks() {}

  /** The plugin's descriptor; the record's own constructor has already validated its fields. */
  static ToolDescriptor descriptorOf(ToolPlugin plugin) {
    String type = plugin.getClass().getName();
    ToolDescriptor descriptor;
    try {
      descriptor = plugin.descriptor();
    } catch (RuntimeException e) {
      throw new PluginCheckFailed(
          type + ".descriptor() threw " + e + ": the host would refuse to load this plugin", e);
    }
    if (descriptor == null) {
      throw new PluginCheckFailed(type + ".descriptor() returned null");
    }
    requireCompatible("tool '" + descriptor.id() + "'", descriptor.sdkRange());
    return descriptor;
  }

  static void requireCompatible(String who, String sdkRange) {
    SdkVersion.Compatibility verdict = SdkVersion.check(sdkRange);
    if (!verdict.compatible()) {
      throw new PluginCheckFailed(who + ": " + verdict.reason());
    }
  }

  static void requireAcceptable(ToolDescriptor descriptor, ToolResult result, ProjectFiles files) {
    String tool = "tool '" + descriptor.id() + "'";
    if (result == null) {
      throw new PluginCheckFailed(tool + " returned null: return ToolResult.empty() for no result");
    }
    requireDeclared(tool, descriptor, Produces.DIAGNOSTICS, !result.diagnostics().isEmpty());
    requireDeclared(tool, descriptor, Produces.EDITS, !result.edits().isEmpty());
    for (FileEdit edit : result.edits()) {
      ProjectFile file =
          files
              .get(edit.path())
              .orElseThrow(
                  () ->
                      new PluginCheckFailed(
                          tool
                              + " edits \""
                              + edit.path()
                              + "\", which is not a file of the project: edits may only change"
                              + " existing project files inside the workspace"));
      if (!file.sha().equals(edit.baseSha())) {
        throw new PluginCheckFailed(
            tool
                + " edits \""
                + edit.path()
                + "\" with baseSha "
                + edit.baseSha()
                + " but the file's sha is "
                + file.sha()
                + ": the host rejects edits made against other content; build edits with"
                + " FileEdit.of(projectFile, newContent)");
      }
    }
  }

  private static void requireDeclared(
      String tool, ToolDescriptor descriptor, Produces kind, boolean present) {
    if (present && !descriptor.produces().contains(kind)) {
      throw new PluginCheckFailed(
          tool + " returned " + kind + " but its descriptor does not declare it in produces");
    }
  }
}
