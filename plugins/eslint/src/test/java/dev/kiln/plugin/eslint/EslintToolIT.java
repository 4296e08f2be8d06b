package dev.kiln.plugin.eslint;

import static dev.kiln.plugin.eslint.EslintFixtures.LINT_PROBLEMS;
import static dev.kiln.plugin.eslint.EslintFixtures.harness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.testkit.PluginPackage;
import dev.kiln.plugin.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EslintToolIT {

  @Test
  void reportsEachProblemWithItsRuleAndPosition() throws Exception {
    ToolRun run = harness(LINT_PROBLEMS).run(new EslintTool());

    assertThat(run.diagnostics())
        .extracting(
            Diagnostic::file,
            Diagnostic::line,
            Diagnostic::column,
            Diagnostic::severity,
            Diagnostic::rule)
        .containsExactlyInAnyOrder(
            tuple("src/util.js", 1, 5, Severity.ERROR, "prefer-const"),
            tuple("src/util.js", 3, 9, Severity.ERROR, "no-unused-vars"),
            tuple("src/util.js", 4, 16, Severity.WARNING, "eqeqeq"),
            tuple("src/broken.js", 1, 11, Severity.ERROR, "parsing-error"));
    assertThat(run.diagnostics())
        .filteredOn(d -> d.rule().equals("prefer-const"))
        .extracting(Diagnostic::message)
        .containsExactly("'total' is never reassigned. Use 'const' instead.");
  }

  @Test
  void offersEslintsFixAsAnEditOfTheFileItRead() throws Exception {
    ToolRun run = harness(LINT_PROBLEMS).run(new EslintTool());

    assertThat(run.edits()).extracting(FileEdit::path).containsExactly("src/util.js");
    assertThat(run.contentAfterEdits("src/util.js"))
        .isEqualTo(
            "const total = 1;\n"
                + "export function check(value) {\n"
                + "  const unused = 2;\n"
                + "  return value == total;\n"
                + "}\n");
    assertThat(run.edits().get(0).baseSha())
        .isEqualTo(ProjectFile.sha(Files.readString(LINT_PROBLEMS.resolve("src/util.js"))));
  }

  @Test
  void onlyReportsWhenFixesAreTurnedOff() throws Exception {
    ToolRun run =
        harness(LINT_PROBLEMS)
            .settings(Map.of(EslintTool.FIX_SETTING, "false"))
            .run(new EslintTool());

    assertThat(run.edits()).isEmpty();
    assertThat(run.diagnostics()).hasSize(4);
  }

  @Test
  void runsTheSameFromThePackagedJarLoadedByPf4j() throws Exception {
    try (PluginPackage plugin = PluginPackage.load(EslintFixtures.pluginJar())) {
      assertThat(plugin.id()).isEqualTo("kiln-eslint");
      assertThat(plugin.requires()).isEqualTo(">=1.1.0 & <2.0.0");

      ToolRun run = harness(LINT_PROBLEMS).run(plugin.tool("eslint"));

      assertThat(run.diagnostics()).hasSize(4);
      assertThat(run.contentAfterEdits("src/util.js")).startsWith("const total = 1;\n");
    }
  }

  @Test
  void aWarmCacheGivesTheSameProblemsAndFixes(@TempDir Path cache) throws Exception {
    ToolRun cold = harness(LINT_PROBLEMS).run(new EslintTool());
    ToolRun first = harness(LINT_PROBLEMS).cache(cache).run(new EslintTool());

    assertThat(cache.resolve(EslintTool.CACHE_FILE)).isNotEmptyFile();
    ToolRun warm = harness(LINT_PROBLEMS).cache(cache).run(new EslintTool());

    assertThat(cold.diagnostics()).isNotEmpty();
    assertThat(first.diagnostics()).isEqualTo(cold.diagnostics());
    assertThat(warm.diagnostics()).isEqualTo(cold.diagnostics());
    assertThat(warm.edits()).isEqualTo(cold.edits());
  }
}
