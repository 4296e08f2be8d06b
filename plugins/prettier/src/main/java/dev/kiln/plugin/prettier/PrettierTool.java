package dev.kiln.plugin.prettier;

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
 * Formats the project's sources with the Prettier installed in its {@code node_modules}, honouring
 * its Prettier config, {@code .prettierignore} and {@code .gitignore}. Proposes an edit for every
 * file whose formatting changes, and reports files Prettier cannot parse as warnings.
 */
@Extension
public final class PrettierTool implements ToolPlugin {

  static final String ID = "prettier";

  static final List<String> READS = List.of("**/*.{ts,tsx,js,jsx,mjs,cjs,css,json,md}");

  static final long COST_CREDITS = 1;

  /** Where format.js remembers the files it found formatted, in the host's cache directory. */
  static final String CACHE_FILE = "formatted.json";

  static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

  static final String UNPARSABLE_RULE = "syntax-error";

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          ID,
          BuildInfo.VERSION,
          READS,
          Set.of(Produces.EDITS, Produces.DIAGNOSTICS),
          COST_CREDITS,
          BuildInfo.SDK_RANGE,
          Stability.STABLE);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult run(ToolContext context) throws Exception {
    List<String> paths =
        context.files().matching(READS).stream().filter(p -> !inNodeModules(p)).toList();
    List<FileEdit> edits = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    String cache = context.cacheDirectory().map(d -> d + "/" + CACHE_FILE).orElse(null);
    for (List<String> batch : Batches.split(context.files(), paths)) {
      context.cancellation().throwIfCancelled();
      ExecOutcome outcome =
          context.sandbox().exec(FormatScript.command(cache, batch), BATCH_TIMEOUT);
      for (FormatScript.Line line : FormatScript.parse(outcome, batch.size())) {
        switch (line) {
          case FormatScript.Reformatted r -> edit(context, r).ifPresent(edits::add);
          case FormatScript.Unparsable u -> diagnostics.add(unparsable(u));
        }
      }
    }
    context
        .logger()
        .log(
            System.Logger.Level.INFO,
            "prettier: {0} of {1} files need formatting",
            edits.size(),
            paths.size());
    return new ToolResult(diagnostics, edits);
  }

  private static Optional<FileEdit> edit(ToolContext context, FormatScript.Reformatted r) {
    return context
        .files()
        .get(r.path())
        .filter(file -> !file.content().equals(r.content()))
        .map(file -> FileEdit.of(file, r.content()));
  }

  private static Diagnostic unparsable(FormatScript.Unparsable u) {
    return new Diagnostic(
        u.path(),
        u.line(),
        u.column(),
        Severity.WARNING,
        UNPARSABLE_RULE,
        "Prettier cannot format this file: " + u.message());
  }

  private static boolean inNodeModules(String path) {
    return path.startsWith("node_modules/") || path.contains("/node_modules/");
  }
}
