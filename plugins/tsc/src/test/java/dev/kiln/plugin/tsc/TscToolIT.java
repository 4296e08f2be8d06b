package dev.kiln.plugin.tsc;

import static dev.kiln.plugin.tsc.TscFixtures.harness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.testkit.PluginCheckFailed;
import dev.kiln.plugin.testkit.PluginHarness;
import dev.kiln.plugin.testkit.PluginPackage;
import dev.kiln.plugin.testkit.ToolRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TscToolIT {

  @Test
  void reportsATypeErrorAtItsLineAndColumn() throws Exception {
    ToolRun run = harness(TscFixtures.TYPE_ERRORS).run(new TscTool());

    assertThat(run.diagnostics()).hasSize(2);
    assertThat(run.diagnostics().get(0))
        .isEqualTo(
            new Diagnostic(
                "src/types.ts",
                1,
                7,
                Severity.ERROR,
                "TS2322",
                "Type 'string' is not assignable to type 'number'."));
  }

  @Test
  void joinsAMultiLineMessage() throws Exception {
    ToolRun run = harness(TscFixtures.TYPE_ERRORS).run(new TscTool());

    Diagnostic second = run.diagnostics().get(1);
    assertThat(second.line()).isEqualTo(2);
    assertThat(second.column()).isEqualTo(14);
    assertThat(second.message())
        .isEqualTo(
            "Type '(x: string) => string' is not assignable to type '(x: number) => string'.\n"
                + "Types of parameters 'x' and 'x' are incompatible.\n"
                + "Type 'number' is not assignable to type 'string'.");
  }

  @Test
  void findsNothingInAProjectThatTypeChecks() throws Exception {
    assertThat(harness(TscFixtures.CLEAN).run(new TscTool()).diagnostics()).isEmpty();
  }

  @Test
  void reportsAMissingTsconfigAsAProjectProblem() throws Exception {
    ToolRun run = harness(TscFixtures.NO_TSCONFIG).run(new TscTool());

    assertThat(run.diagnostics())
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::rule)
        .containsExactly(tuple("", 0, "TS5057"));
  }

  @Test
  void failsWithAnActionableMessageWhenTypescriptIsNotInstalled() {
    PluginHarness withoutNodeModules = PluginHarness.forFolder(TscFixtures.CLEAN);

    assertThatThrownBy(() -> withoutNodeModules.run(new TscTool()))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageContaining(
            "tool 'tsc' failed: tsc could not run (exit 1); is typescript 5 a devDependency of the"
                + " project and installed?")
        .hasMessageContaining("Cannot find module");
  }

  @Test
  void runsTheSameFromThePackagedJarLoadedByPf4j() throws Exception {
    try (PluginPackage plugin = PluginPackage.load(TscFixtures.pluginJar())) {
      assertThat(plugin.id()).isEqualTo("kiln-tsc");

      ToolRun run = harness(TscFixtures.TYPE_ERRORS).run(plugin.tool("tsc"));

      assertThat(run.diagnostics())
          .extracting(Diagnostic::rule)
          .containsExactly("TS2322", "TS2322");
    }
  }

  @Test
  void aWarmCacheNeverHidesATypeError(@TempDir Path cache) throws Exception {
    ToolRun cold = harness(TscFixtures.TYPE_ERRORS).run(new TscTool());

    assertThat(harness(TscFixtures.CLEAN).cache(cache).run(new TscTool()).diagnostics()).isEmpty();
    assertThat(cache.resolve(TscTool.BUILD_INFO)).isNotEmptyFile();
    ToolRun afterClean = harness(TscFixtures.TYPE_ERRORS).cache(cache).run(new TscTool());
    ToolRun again = harness(TscFixtures.TYPE_ERRORS).cache(cache).run(new TscTool());

    assertThat(afterClean.diagnostics()).hasSize(2).isEqualTo(cold.diagnostics());
    assertThat(again.diagnostics()).isEqualTo(cold.diagnostics());
  }
}
