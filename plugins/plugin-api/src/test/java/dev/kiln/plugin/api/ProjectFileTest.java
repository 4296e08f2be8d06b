package dev.kiln.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectFileTest {

  @Test
  void shaIsTheLowercaseHexSha256OfTheUtf8Content() {
    // echo -n 'hello' | sha256sum; and a non-ASCII string to pin the encoding
    assertThat(ProjectFile.sha("hello"))
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(ProjectFile.sha("é"))
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }

  @Test
  void rejectsAShaThatDoesNotMatchTheContent() {
    assertThatThrownBy(() -> new ProjectFile("a.ts", "x", ProjectFile.sha("y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sha does not match the content of a.ts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "../secret", "a/../../b", "a//b", "./a", "a\\b", "a/"})
  void rejectsPathsThatAreNotPlainRelativePaths(String path) {
    assertThatThrownBy(() -> ProjectFile.of(path, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relative to the project root");
    assertThatThrownBy(() -> new FileEdit(path, "", ProjectFile.sha("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void projectFilesMatchesGlobsOverItsPathsInOrder() {
    Map<String, String> files = new TreeMap<>();
    files.put("app/page.tsx", "");
    files.put("components/Button.tsx", "");
    files.put("lib/db.ts", "");
    files.put("README.md", "");
    ProjectFiles project =
        new ProjectFiles() {
          @Override
          public List<String> paths() {
            return List.copyOf(files.keySet());
          }

          @Override
          public Optional<ProjectFile> get(String path) {
            return Optional.ofNullable(files.get(path)).map(c -> ProjectFile.of(path, c));
          }
        };

    assertThat(project.matching(List.of("**/*.{ts,tsx}")))
        .containsExactly("app/page.tsx", "components/Button.tsx", "lib/db.ts");
    assertThat(project.matching(List.of("*.md"))).containsExactly("README.md");
  }

  @Test
  void aResultRejectsTwoEditsOfOneFile() {
    FileEdit edit = FileEdit.of(ProjectFile.of("a.ts", "x"), "y");

    assertThatThrownBy(() -> ToolResult.ofEdits(List.of(edit, edit)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two edits of the same file");
    assertThat(ToolResult.empty().diagnostics()).isEmpty();
  }

  @Test
  void aDiagnosticMayBeAboutTheWholeProjectButNotOutsideIt() {
    assertThat(new Diagnostic("", 0, 0, Severity.ERROR, "TS5057", "no tsconfig").file()).isEmpty();
    assertThatThrownBy(() -> new Diagnostic("../x.ts", 1, 1, Severity.ERROR, "r", "m"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Diagnostic("x.ts", -1, 1, Severity.ERROR, "r", "m"))
        .hasMessageContaining("line must not be negative");
  }
}
