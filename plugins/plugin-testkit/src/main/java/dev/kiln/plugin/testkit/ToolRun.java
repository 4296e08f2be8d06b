package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.ProjectFiles;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One successful, checked run of a tool by {@link PluginHarness}.
 *
 * @param descriptor the tool's descriptor, never null
 * @param result what it returned, already checked as the host would; never null
 * @param files the project as the tool saw it, never null
 * @param log what it logged, as "LEVEL message" lines; never null
 * @param elapsed how long {@code run} took, never null
 */
public record ToolRun(
    ToolDescriptor descriptor,
    ToolResult result,
    ProjectFiles files,
    List<String> log,
    Duration elapsed) {

  public ToolRun {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(files, "files");
    log = List.copyOf(log);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * @return the tool's findings, never null
   */
  public List<Diagnostic> diagnostics() {
    return result.diagnostics();
  }

  /**
   * @return the tool's proposed edits, never null
   */
  public List<FileEdit> edits() {
    return result.edits();
  }

  /**
   * @param path a project path
   * @return the edit of that file, or empty if the tool proposed none
   */
  public Optional<FileEdit> edit(String path) {
    return edits().stream().filter(e -> e.path().equals(path)).findFirst();
  }

  /**
   * Every project file with the edits applied, as the host would apply them.
   *
   * @return path to content, in path order; never null
   */
  public Map<String, String> filesAfterEdits() {
    Map<String, String> contents = new TreeMap<>();
    for (String path : files.paths()) {
      contents.put(path, files.get(path).orElseThrow().content());
    }
    edits().forEach(e -> contents.put(e.path(), e.newContent()));
    return contents;
  }

  /**
   * One file with the edits applied.
   *
   * @param path a project path
   * @return its content after the edits (unchanged if none applies to it), never null
   * @throws IllegalArgumentException if the project has no such file
   */
  public String contentAfterEdits(String path) {
    return edit(path)
        .map(FileEdit::newContent)
        .or(() -> files.get(path).map(ProjectFile::content))
        .orElseThrow(
            () -> new IllegalArgumentException("the project has no file \"" + path + "\""));
  }
}
