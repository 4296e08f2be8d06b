package dev.kiln.plugin.testkit;

import static dev.kiln.plugin.testkit.ToolFixtures.project;
import static dev.kiln.plugin.testkit.ToolFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.api.ToolFailedException;
import dev.kiln.plugin.api.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHarnessTest {

  private static final Duration SHORT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void givesThePluginTheProjectsTextFilesSettingsAndTenant() throws Exception {
    var seen = new AtomicReference<String>();
    var run =
        PluginHarness.forFolder(project(dir))
            .settings(Map.of("level", "strict"))
            .orgId("acme")
            .run(
                tool(
                    context -> {
                      seen.set(
                          context.orgId()
                              + " "
                              + context.settings()
                              + " "
                              + context.files().paths());
                      context.logger().log(System.Logger.Level.INFO, "read {0} files", 2);
                      return ToolResult.ofDiagnostics(
                          List.of(
                              new Diagnostic(
                                  "lib/util.ts", 1, 14, Severity.WARNING, "one", "one is odd")));
                    }));

    assertThat(seen.get()).isEqualTo("acme {level=strict} [app/page.tsx, lib/util.ts]");
    assertThat(run.diagnostics()).extracting(Diagnostic::rule).containsExactly("one");
    assertThat(run.log()).containsExactly("INFO read 2 files");
  }

  @Test
  void handsOutACacheDirectoryThatIsEmptyUnlessOneIsKept(@TempDir Path kept) throws Exception {
    List<String> seen = new java.util.ArrayList<>();
    var remember =
        tool(
            context -> {
              String cache = context.cacheDirectory().orElseThrow();
              ExecOutcome outcome =
                  context
                      .sandbox()
                      .exec(
                          List.of(
                              "sh",
                              "-c",
                              "cat \"$0/seen\" 2>/dev/null || echo cold; echo warm > \"$0/seen\"",
                              cache),
                          SHORT);
              seen.add(cache + " " + outcome.stdout().strip());
              assertThat(context.files().paths()).noneMatch(p -> p.startsWith(".kiln-cache"));
              return ToolResult.empty();
            });

    PluginHarness.forFolder(project(dir)).run(remember);
    PluginHarness.forFolder(project(dir)).run(remember);
    PluginHarness.forFolder(project(dir)).cache(kept).run(remember);
    PluginHarness.forFolder(project(dir)).cache(kept).run(remember);

    assertThat(seen)
        .containsExactly(
            ".kiln-cache/test-tool cold",
            ".kiln-cache/test-tool cold",
            ".kiln-cache/test-tool cold",
            ".kiln-cache/test-tool warm");
    assertThat(kept.resolve("seen")).hasContent("warm");
  }

  @Test
  void runsCommandsInACopyOfTheFolderWithNodeModulesLinked() throws Exception {
    var outcome = new AtomicReference<ExecOutcome>();
    PluginHarness.forFolder(project(dir))
        .run(
            tool(
                context -> {
                  outcome.set(
                      context
                          .sandbox()
                          .exec(
                              List.of(
                                  "sh",
                                  "-c",
                                  "cat lib/util.ts; cat node_modules/left-pad/index.js;"
                                      + " echo made > made.txt; test -e .git || echo no-git"),
                              SHORT));
                  return ToolResult.empty();
                }));

    assertThat(outcome.get().succeeded()).isTrue();
    assertThat(outcome.get().stdout())
        .isEqualTo("export const one = 1;\nmodule.exports = {};\nno-git\n");
    assertThat(dir.resolve("made.txt")).doesNotExist();
  }

  @Test
  void killsACommandAtItsTimeout() throws Exception {
    var outcome = new AtomicReference<ExecOutcome>();
    PluginHarness.forFolder(project(dir))
        .run(
            tool(
                context -> {
                  outcome.set(
                      context.sandbox().exec(List.of("sleep", "30"), Duration.ofMillis(300)));
                  return ToolResult.empty();
                }));

    assertThat(outcome.get().timedOut()).isTrue();
    assertThat(outcome.get().exitCode()).isEqualTo(137);
    assertThat(outcome.get().succeeded()).isFalse();
  }

  @Test
  void capsOutputAndSaysSo() throws Exception {
    var outcome = new AtomicReference<ExecOutcome>();
    PluginHarness.forFolder(project(dir))
        .outputCap(1000)
        .run(
            tool(
                context -> {
                  outcome.set(
                      context
                          .sandbox()
                          .exec(List.of("sh", "-c", "yes kiln | head -c 100000"), SHORT));
                  return ToolResult.empty();
                }));

    assertThat(outcome.get().stdout()).hasSize(1000).startsWith("kiln\nkiln\n");
    assertThat(outcome.get().truncated()).isTrue();
    assertThat(outcome.get().exitCode()).isZero();
  }

  @Test
  void reportsAMissingProgramAsAShellWould() throws Exception {
    var outcome = new AtomicReference<ExecOutcome>();
    PluginHarness.forFolder(project(dir))
        .run(
            tool(
                context -> {
                  outcome.set(context.sandbox().exec(List.of("no-such-program-kiln"), SHORT));
                  return ToolResult.empty();
                }));

    assertThat(outcome.get().exitCode()).isEqualTo(127);
    assertThat(outcome.get().stderr()).contains("no-such-program-kiln");
  }

  @Test
  void appliesEditsToTheProjectsContent() throws Exception {
    var run =
        PluginHarness.forFolder(project(dir))
            .run(
                tool(
                    context -> {
                      ProjectFile util = context.files().get("lib/util.ts").orElseThrow();
                      return ToolResult.ofEdits(
                          List.of(FileEdit.of(util, "export const one = 1 as const;\n")));
                    }));

    assertThat(run.contentAfterEdits("lib/util.ts")).isEqualTo("export const one = 1 as const;\n");
    assertThat(run.filesAfterEdits())
        .containsEntry("app/page.tsx", "export default function Page() { return null; }\n")
        .containsEntry("lib/util.ts", "export const one = 1 as const;\n");
    assertThat(Files.readString(dir.resolve("lib/util.ts"))).isEqualTo("export const one = 1;\n");
  }

  @Test
  void rejectsAnEditAgainstOtherContent() throws Exception {
    var harness = PluginHarness.forFolder(project(dir));

    assertThatThrownBy(
            () ->
                harness.run(
                    tool(
                        context ->
                            ToolResult.ofEdits(
                                List.of(
                                    new FileEdit(
                                        "lib/util.ts", "x", ProjectFile.sha("stale content")))))))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageContaining("tool 'test-tool' edits \"lib/util.ts\" with baseSha")
        .hasMessageContaining("FileEdit.of(projectFile, newContent)");
  }

  @Test
  void rejectsAnEditOfAFileOutsideTheProject() throws Exception {
    var harness = PluginHarness.forFolder(project(dir));

    assertThatThrownBy(
            () ->
                harness.run(
                    tool(
                        context ->
                            ToolResult.ofEdits(
                                List.of(
                                    new FileEdit(
                                        "node_modules/left-pad/index.js",
                                        "",
                                        ProjectFile.sha("module.exports = {};\n")))))))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageContaining("is not a file of the project");
  }

  @Test
  void rejectsResultsTheDescriptorDoesNotDeclare() throws Exception {
    var harness = PluginHarness.forFolder(project(dir));
    var diagnosticsOnly =
        tool(
            ToolFixtures.SDK_RANGE,
            Set.of(Produces.DIAGNOSTICS),
            context ->
                ToolResult.ofEdits(
                    List.of(FileEdit.of(context.files().get("lib/util.ts").orElseThrow(), "y"))));

    assertThatThrownBy(() -> harness.run(diagnosticsOnly))
        .hasMessage(
            "tool 'test-tool' returned EDITS but its descriptor does not declare it in produces");
  }

  @Test
  void refusesAPluginBuiltForAnotherSdk() throws Exception {
    var harness = PluginHarness.forFolder(project(dir));
    var future = tool(">=2.0.0", Set.of(Produces.DIAGNOSTICS), context -> ToolResult.empty());

    assertThatThrownBy(() -> harness.run(future))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessage(
            "tool 'test-tool': plugin requires SDK \">=2.0.0\" but this Kiln runs plugin-api"
                + " 1.1.0: rebuild against dev.kiln:plugin-api 1.x or upgrade Kiln");
  }

  @Test
  void stopsAHangingPluginAtTheTimeoutAndCancelsIt() throws Exception {
    var cancelled = new AtomicReference<Boolean>();
    var harness = PluginHarness.forFolder(project(dir)).timeout(Duration.ofMillis(300));
    var hanging =
        tool(
            context -> {
              try {
                Thread.sleep(30_000);
              } finally {
                cancelled.set(context.cancellation().isCancelled());
              }
              return ToolResult.empty();
            });

    assertThatThrownBy(() -> harness.run(hanging))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageStartingWith("tool 'test-tool' did not finish within 300 ms");
    Thread.sleep(200);
    assertThat(cancelled.get()).isTrue();
  }

  @Test
  void reportsWhatAPluginThrew() throws Exception {
    var harness = PluginHarness.forFolder(project(dir));

    assertThatThrownBy(
            () ->
                harness.run(
                    tool(
                        context -> {
                          context.logger().log(System.Logger.Level.WARNING, "about to fail");
                          throw new ToolFailedException("prettier is not installed: run npm i");
                        })))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessage(
            "tool 'test-tool' failed: prettier is not installed: run npm i\n"
                + "last lines the tool logged:\n"
                + "  WARNING about to fail")
        .hasCauseInstanceOf(ToolFailedException.class);
    assertThatThrownBy(
            () ->
                harness.run(
                    tool(
                        context -> {
                          throw new IllegalStateException("boom");
                        })))
        .hasMessageStartingWith("tool 'test-tool' threw java.lang.IllegalStateException: boom");
  }
}
