package com.example.kiln.noconsole;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.api.Stability;
import dev.kiln.plugin.api.ToolContext;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import dev.kiln.plugin.api.ToolResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * Reports {@code console.log(...)} calls left in a Next.js app's pages and components, as errors at
 * the position of {@code console}. The setting {@value #METHODS_SETTING} (comma-separated, e.g.
 * {@code "log,debug"}) chooses which console methods are forbidden; the default is {@code log}.
 * Pure Java: it reads the files it is given and runs nothing in the sandbox.
 */
@Extension
public class NoConsoleTool implements ToolPlugin {

  static final String ID = "no-console";

  /** Setting: the console methods to report, comma-separated. */
  static final String METHODS_SETTING = "methods";

  static final String DEFAULT_METHODS = "log";

  static final List<String> READS =
      List.of(
          "{app,pages,components}/**/*.{ts,tsx,js,jsx}",
          "src/{app,pages,components}/**/*.{ts,tsx,js,jsx}");

  /** Must match Plugin-Version and Plugin-Requires in the pom's manifest entries. */
  static final String VERSION = "1.0.0";

  static final String SDK_RANGE = ">=1.0.0 & <2.0.0";

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          ID, VERSION, READS, Set.of(Produces.DIAGNOSTICS), 1, SDK_RANGE, Stability.BETA);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult run(ToolContext context) throws Exception {
    Set<String> methods =
        methods(context.settings().getOrDefault(METHODS_SETTING, DEFAULT_METHODS));
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (String path : context.files().matching(READS)) {
      context.cancellation().throwIfCancelled();
      ProjectFile file = context.files().get(path).orElseThrow();
      for (ConsoleCalls.Hit hit : ConsoleCalls.find(file.content(), methods)) {
        diagnostics.add(
            new Diagnostic(
                path,
                hit.line(),
                hit.column(),
                Severity.ERROR,
                ID,
                "console."
                    + hit.method()
                    + " left in a page or component: remove it before shipping"));
      }
    }
    return ToolResult.ofDiagnostics(diagnostics);
  }

  private static Set<String> methods(String setting) {
    return Arrays.stream(setting.split(","))
        .map(String::strip)
        .filter(m -> !m.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
