package com.example.kiln.noconsole;

import static com.example.kiln.noconsole.NoConsoleFixtures.NEXT_APP;
import static com.example.kiln.noconsole.NoConsoleFixtures.positions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.plugin.api.Severity;
import dev.kiln.plugin.testkit.PluginHarness;
import dev.kiln.plugin.testkit.ToolRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoConsoleToolTest {

  @Test
  void reportsConsoleLogInPagesAndComponentsOnly() {
    ToolRun run = PluginHarness.forFolder(NEXT_APP).run(new NoConsoleTool());

    assertEquals(
        List.of(
            "app/dashboard/page.tsx:2:34 no-console",
            "app/page.tsx:3:3 no-console",
            "components/Button.tsx:2:28 no-console"),
        positions(run.diagnostics()));
    assertEquals(Severity.ERROR, run.diagnostics().get(0).severity());
    assertEquals(
        "console.log left in a page or component: remove it before shipping",
        run.diagnostics().get(0).message());
  }

  @Test
  void reportsTheMethodsTheSettingNames() {
    ToolRun run =
        PluginHarness.forFolder(NEXT_APP)
            .settings(Map.of(NoConsoleTool.METHODS_SETTING, "error"))
            .run(new NoConsoleTool());

    assertEquals(List.of("app/page.tsx:6:3 no-console"), positions(run.diagnostics()));
    assertEquals(
        "console.error left in a page or component: remove it before shipping",
        run.diagnostics().get(0).message());
  }
}
