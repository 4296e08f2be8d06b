package com.example.kiln.noconsole;

import static com.example.kiln.noconsole.NoConsoleFixtures.NEXT_APP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.plugin.testkit.PluginHarness;
import dev.kiln.plugin.testkit.PluginPackage;
import dev.kiln.plugin.testkit.ToolRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Proves the packaged jar, not just the classes: manifest, extension index, PF4J loading. */
class NoConsolePackageIT {

  @Test
  void theJarLoadsInPf4jAndItsToolRuns() {
    Path jar = Path.of(System.getProperty("plugin.jar"));

    try (PluginPackage plugin = PluginPackage.load(jar)) {
      assertEquals("example-no-console", plugin.id());
      assertEquals(NoConsoleTool.VERSION, plugin.version());
      assertEquals(NoConsoleTool.SDK_RANGE, plugin.requires());
      assertEquals("Example Corp", plugin.provider());

      ToolRun run = PluginHarness.forFolder(NEXT_APP).run(plugin.tool("no-console"));

      assertEquals(3, run.diagnostics().size());
    }
  }
}
