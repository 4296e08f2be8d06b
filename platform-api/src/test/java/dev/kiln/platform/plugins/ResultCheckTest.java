package dev.kiln.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.api.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultCheckTest {

  static final Set<Produces> BOTH = Set.of(Produces.DIAGNOSTICS, Produces.EDITS);
  static final Map<String, String> FILES = Map.of("src/a.ts", "let a = 1\n", "b.js", "x\n");

  @Test
  void appliesMatchingEditsAndRejectsStaleOnesAlone() throws Exception {
    ToolResult result =
        new ToolResult(
            List.of(),
            List.of(
                new FileEdit("src/a.ts", "let a = 1;\n", ProjectFile.sha("let a = 1\n")),
                new FileEdit("b.js", "y\n", ProjectFile.sha("old\n"))));
    ResultCheck.Checked checked = ResultCheck.check(result, BOTH, FILES, 10, 10);
    assertThat(checked.edits()).extracting(FileEdit::path).containsExactly("src/a.ts");
    assertThat(checked.rejected())
        .extracting(PluginOutcome.RejectedEdit::path)
        .containsExactly("b.js");
  }

  @Test
  void refusesEditsOutsideTheProjectOrToMissingFiles() {
    for (String path :
        List.of("node_modules/x.js", ".git/config", "src/node_modules/y.js", "new.ts")) {
      ToolResult result = ToolResult.ofEdits(List.of(new FileEdit(path, "z", ProjectFile.sha(""))));
      assertThatThrownBy(() -> ResultCheck.check(result, BOTH, FILES, 10, 10))
          .as(path)
          .isInstanceOf(ResultCheck.Invalid.class);
    }
    assertThat(ResultCheck.insideProject("../etc/passwd")).isFalse();
    assertThat(ResultCheck.insideProject("/etc/passwd")).isFalse();
    assertThat(ResultCheck.insideProject("a/./b")).isFalse();
    assertThat(ResultCheck.insideProject("src/a.ts")).isTrue();
  }

  @Test
  void refusesNullKindsNotProducedAndTooManyEdits() {
    assertThatThrownBy(() -> ResultCheck.check(null, BOTH, FILES, 10, 10))
        .hasMessageContaining("no result");
    Diagnostic d = new Diagnostic("b.js", 1, 1, Severity.ERROR, "r", "m");
    assertThatThrownBy(
            () ->
                ResultCheck.check(
                    ToolResult.ofDiagnostics(List.of(d)), Set.of(Produces.EDITS), FILES, 10, 10))
        .hasMessageContaining("does not produce");
    List<FileEdit> many = new ArrayList<>();
    many.add(new FileEdit("b.js", "1", ProjectFile.sha("x\n")));
    many.add(new FileEdit("src/a.ts", "2", ProjectFile.sha("let a = 1\n")));
    assertThatThrownBy(() -> ResultCheck.check(ToolResult.ofEdits(many), BOTH, FILES, 1, 10))
        .hasMessageContaining("at most 1");
  }

  @Test
  void keepsDiagnosticsUpToTheCapAndCountsTheRest() throws Exception {
    List<Diagnostic> found = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      found.add(new Diagnostic("b.js", i, 1, Severity.WARNING, "r", "m" + i));
    }
    ResultCheck.Checked checked =
        ResultCheck.check(ToolResult.ofDiagnostics(found), BOTH, FILES, 10, 3);
    assertThat(checked.diagnostics()).hasSize(3);
    assertThat(checked.dropped()).isEqualTo(2);
  }
}
