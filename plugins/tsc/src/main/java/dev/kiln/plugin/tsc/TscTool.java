package dev.kiln.plugin.tsc;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.api.Stability;
import dev.kiln.plugin.api.ToolContext;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolFailedException;
import dev.kiln.plugin.api.ToolPlugin;
import dev.kiln.plugin.api.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Type-checks the project with the TypeScript compiler installed in its {@code node_modules}
 * ({@code tsc --noEmit -p .}, so its {@code tsconfig.json} decides what is checked) and reports
 * every compiler error, with the code ({@code TS2322}) as the rule.
 */
@Extension
public final class TscTool implements ToolPlugin {

  static final String ID = "tsc";

  static final List<String> READS =
      List.of("**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}", "**/tsconfig*.json", "package.json");

  static final long COST_CREDITS = 1;

  static final Duration TIMEOUT = Duration.ofMinutes(5);

  static final List<String> COMMAND =
      List.of(
          "node", "node_modules/typescript/bin/tsc", "--noEmit", "--pretty", "false", "-p", ".");

  /** tsc's build info in the host's cache directory. */
  static final String BUILD_INFO = "tsbuildinfo";

  static final String TRUNCATED_RULE = "output-truncated";

  private static final int OUTPUT_TAIL_CHARS = 2000;

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          ID,
          BuildInfo.VERSION,
          READS,
          Set.of(Produces.DIAGNOSTICS),
          COST_CREDITS,
          BuildInfo.SDK_RANGE,
          Stability.STABLE);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult run(ToolContext context) throws Exception {
    context.cancellation().throwIfCancelled();
    ExecOutcome outcome = context.sandbox().exec(command(context), TIMEOUT);
    if (outcome.timedOut()) {
      throw new ToolFailedException("tsc did not finish type-checking within " + TIMEOUT);
    }
    List<Diagnostic> diagnostics = new ArrayList<>(TscOutput.parse(complete(outcome)));
    if (outcome.exitCode() != 0 && diagnostics.isEmpty()) {
      throw new ToolFailedException(
          "tsc could not run (exit "
              + outcome.exitCode()
              + "); is typescript 5 a devDependency of the project and installed? "
              + tail(outcome.stderr() + outcome.stdout()));
    }
    if (outcome.truncated()) {
      diagnostics.add(
          new Diagnostic(
              "",
              0,
              0,
              Severity.WARNING,
              TRUNCATED_RULE,
              "tsc printed more than the sandbox's output cap: only the first "
                  + diagnostics.size()
                  + " problems are listed"));
    }
    context.logger().log(System.Logger.Level.INFO, "tsc: {0} problems", diagnostics.size());
    return ToolResult.ofDiagnostics(diagnostics);
  }

  /**
   * {@link #COMMAND}, incremental with its build info in the host's cache directory when there is
   * one: the next run re-checks only what changed.
   */
  static List<String> command(ToolContext context) {
    return context
        .cacheDirectory()
        .map(
            directory -> {
              List<String> command = new ArrayList<>(COMMAND);
              command.addAll(
                  List.of("--incremental", "--tsBuildInfoFile", directory + "/" + BUILD_INFO));
              return List.copyOf(command);
            })
        .orElse(COMMAND);
  }

  /** The output without a last line that the output cap may have cut off. */
  private static String complete(ExecOutcome outcome) {
    String stdout = outcome.stdout();
    if (!outcome.truncated() || stdout.endsWith("\n")) {
      return stdout;
    }
    return stdout.substring(0, stdout.lastIndexOf('\n') + 1);
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.substring(Math.max(0, trimmed.length() - OUTPUT_TAIL_CHARS));
  }
}
