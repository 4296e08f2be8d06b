package dev.kiln.plugin.prettier;

import static dev.kiln.plugin.prettier.PrettierFixtures.UNFORMATTED;
import static dev.kiln.plugin.prettier.PrettierFixtures.harness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.testkit.PluginCheckFailed;
import dev.kiln.plugin.testkit.PluginHarness;
import dev.kiln.plugin.testkit.PluginPackage;
import dev.kiln.plugin.testkit.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrettierToolIT {

  @Test
  void proposesEditsOnlyForFilesWhoseFormattingChanges() throws Exception {
    ToolRun run = harness(UNFORMATTED).run(new PrettierTool());

    assertThat(run.edits())
        .extracting(FileEdit::path)
        .containsExactlyInAnyOrder("app/page.tsx", "src/a.ts", "src/quotes.ts", "styles/site.css");
    assertThat(run.contentAfterEdits("src/a.ts")).isEqualTo("const a = { b: 1 };\n");
    assertThat(run.contentAfterEdits("styles/site.css")).isEqualTo("body {\n  margin: 0;\n}\n");
    assertThat(run.contentAfterEdits("app/page.tsx"))
        .isEqualTo(
            "export default function Page() {\n  return <main className=\"p-4\">Hi</main>;\n}\n");
    assertThat(run.edit("src/a.ts").orElseThrow().baseSha())
        .isEqualTo(ProjectFile.sha(Files.readString(UNFORMATTED.resolve("src/a.ts"))));
  }

  @Test
  void honoursTheProjectsPrettierConfigAndIgnoreFile() throws Exception {
    ToolRun run = harness(UNFORMATTED).run(new PrettierTool());

    assertThat(run.contentAfterEdits("src/quotes.ts")).isEqualTo("export const greeting = 'hi';\n");
    assertThat(run.edit("generated/client.ts")).isEmpty();
  }

  @Test
  void warnsAboutAFileItCannotParse() throws Exception {
    ToolRun run = harness(UNFORMATTED).run(new PrettierTool());

    assertThat(run.diagnostics()).hasSize(1);
    Diagnostic diagnostic = run.diagnostics().get(0);
    assertThat(diagnostic.file()).isEqualTo("src/broken.ts");
    assertThat(diagnostic.line()).isEqualTo(3);
    assertThat(diagnostic.column()).isEqualTo(1);
    assertThat(diagnostic.severity()).isEqualTo(Severity.WARNING);
    assertThat(diagnostic.rule()).isEqualTo("syntax-error");
    assertThat(diagnostic.message())
        .isEqualTo("Prettier cannot format this file: Expression expected. (3:1)");
  }

  @Test
  void failsWithAnActionableMessageWhenThePrettierIsNotInstalled() {
    PluginHarness withoutNodeModules = PluginHarness.forFolder(UNFORMATTED);

    assertThatThrownBy(() -> withoutNodeModules.run(new PrettierTool()))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageContaining(
            "tool 'prettier' failed: prettier could not run (exit 2); is prettier 3 a"
                + " devDependency of the project and installed?")
        .hasMessageContaining("Cannot find module 'prettier'");
  }

  @Test
  void runsTheSameFromThePackagedJarLoadedByPf4j() throws Exception {
    try (PluginPackage plugin = PluginPackage.load(PrettierFixtures.pluginJar())) {
      assertThat(plugin.id()).isEqualTo("kiln-prettier");
      assertThat(plugin.requires()).isEqualTo(">=1.1.0 & <2.0.0");
      assertThat(plugin.provider()).isEqualTo("Kiln");

      ToolRun run = harness(UNFORMATTED).run(plugin.tool("prettier"));

      assertThat(run.contentAfterEdits("src/a.ts")).isEqualTo("const a = { b: 1 };\n");
      assertThat(run.descriptor().version()).isEqualTo(plugin.version());
    }
  }

  @Test
  void aWarmCacheSkipsFormattedFilesButNeverAnEdit(@TempDir Path cache) throws Exception {
    ToolRun cold = harness(UNFORMATTED).run(new PrettierTool());
    harness(UNFORMATTED).cache(cache).run(new PrettierTool());

    assertThat(Files.readString(cache.resolve(PrettierTool.CACHE_FILE))).contains("formatted");
    ToolRun warm = harness(UNFORMATTED).cache(cache).run(new PrettierTool());

    assertThat(cold.edits()).isNotEmpty();
    assertThat(warm.edits()).isEqualTo(cold.edits());
    assertThat(warm.diagnostics()).isEqualTo(cold.diagnostics());
  }
}
