package dev.kiln.plugin.eslint;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.FileEdit;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.api.Stability;
import dev.kiln.plugin.api.ToolContext;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import dev.kiln.plugin.api.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Lints the project's scripts with the ESLint installed in its {@code node_modules} and its flat
 * config ({@code eslint.config.mjs}); files the config does not cover are skipped silently. Reports
 * every problem and, unless the setting {@value #FIX_SETTING} is {@code "false"}, proposes an edit
 * with ESLint's fixes applied for every file that has fixable problems.
 */
@Extension
public final class EslintTool implements ToolPlugin {

  static final String ID = "eslint";

  /** Setting: {@code "false"} to report problems without proposing fixes; default true. */
  static final String FIX_SETTING = "fix";

  static final List<String> READS = List.of("**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}");

  static final long COST_CREDITS = 1;

  /** ESLint's cache in the host's cache directory, by content, so unchanged files are skipped. */
  static final String CACHE_FILE = "eslintcache";

  static final Duration BATCH_TIMEOUT = Duration.ofMinutes(3);

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          ID,
          BuildInfo.VERSION,
          READS,
          Set.of(Produces.DIAGNOSTICS, Produces.EDITS),
          COST_CREDITS,
          BuildInfo.SDK_RANGE,
          Stability.STABLE);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult run(ToolContext context) throws Exception {
    boolean fix = !"false".equalsIgnoreCase(context.settings().get(FIX_SETTING));
    List<String> paths =
        context.files().matching(READS).stream().filter(p -> !p.contains("node_modules/")).toList();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<FileEdit> edits = new ArrayList<>();
    String cache = context.cacheDirectory().map(d -> d + "/" + CACHE_FILE).orElse(null);
    for (List<String> batch : Batches.split(context.files(), paths)) {
      context.cancellation().throwIfCancelled();
      ExecOutcome outcome =
          context.sandbox().exec(LintScript.command(fix, cache, batch), BATCH_TIMEOUT);
      for (LintScript.Line line : LintScript.parse(outcome, batch.size())) {
        switch (line) {
          case LintScript.Problem p -> diagnostics.add(diagnostic(p));
          case LintScript.Fixed f -> edit(context, f).ifPresent(edits::add);
        }
      }
    }
    context
        .logger()
        .log(
            System.Logger.Level.INFO,
            "eslint: {0} problems, {1} files fixed, in {2} files",
            diagnostics.size(),
            edits.size(),
            paths.size());
    return new ToolResult(diagnostics, edits);
  }

  private static Diagnostic diagnostic(LintScript.Problem p) {
    Severity severity =
        switch (p.severity()) {
          case 2 -> Severity.ERROR;
          case 1 -> Severity.WARNING;
          default -> Severity.INFO;
        };
    return new Diagnostic(p.path(), p.line(), p.column(), severity, p.rule(), p.message());
  }

  private static Optional<FileEdit> edit(ToolContext context, LintScript.Fixed fixed) {
    return context
        .files()
        .get(fixed.path())
        .filter(file -> !file.content().equals(fixed.content()))
        .map(file -> FileEdit.of(file, fixed.content()));
  }
}
