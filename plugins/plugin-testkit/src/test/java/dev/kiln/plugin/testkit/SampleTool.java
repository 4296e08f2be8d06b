package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.api.Stability;
import dev.kiln.plugin.api.ToolContext;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import dev.kiln.plugin.api.ToolResult;
import java.util.List;
import java.util.Set;

/** A tool that {@link PluginPackageTest} packs into a plugin jar; reports every file it reads. */
public class SampleTool implements ToolPlugin {

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(
        "sample",
        "1.0.0",
        List.of("**/*.ts"),
        Set.of(Produces.DIAGNOSTICS),
        0,
        ">=1.0.0 & <2.0.0",
        Stability.EXPERIMENTAL);
  }

  @Override
  public ToolResult run(ToolContext context) {
    return ToolResult.ofDiagnostics(
        context.files().matching(descriptor().reads()).stream()
            .map(path -> new Diagnostic(path, 0, 0, Severity.INFO, "seen", "sample saw it"))
            .toList());
  }
}
