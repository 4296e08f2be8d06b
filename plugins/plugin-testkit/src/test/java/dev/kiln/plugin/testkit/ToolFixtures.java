package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.Produces;
import dev.kiln.plugin.api.Stability;
import dev.kiln.plugin.api.ToolContext;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import dev.kiln.plugin.api.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tools and project folders for the harness's own tests. */
final class ToolFixtures {

  static final String SDK_RANGE = ">=1.0.0 & <2.0.0";

  private ToolFixtures() {}

  /** The body of a test tool. */
  @FunctionalInterface
  interface Body {
    ToolResult run(ToolContext context) throws Exception;
  }

  static ToolPlugin tool(Body body) {
    return tool(SDK_RANGE, Set.of(Produces.DIAGNOSTICS, Produces.EDITS), body);
  }

  static ToolPlugin tool(String sdkRange, Set<Produces> produces, Body body) {
    ToolDescriptor descriptor =
        new ToolDescriptor(
            "test-tool", "1.0.0", List.of("**"), produces, 1, sdkRange, Stability.EXPERIMENTAL);
    return new ToolPlugin() {
      @Override
      public ToolDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public ToolResult run(ToolContext context) throws Exception {
        return body.run(context);
      }
    };
  }

  /** A small project with a dependency folder, a git folder and a binary file. */
  static Path project(Path dir) throws IOException {
    write(
        dir,
        Map.of(
            "app/page.tsx", "export default function Page() { return null; }\n",
            "lib/util.ts", "export const one = 1;\n",
            "node_modules/left-pad/index.js", "module.exports = {};\n",
            ".git/HEAD", "ref: refs/heads/main\n"));
    Files.createDirectories(dir.resolve("public"));
    Files.write(
        dir.resolve("public/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff});
    return dir;
  }

  static void write(Path dir, Map<String, String> files) throws IOException {
    for (var file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }
}
