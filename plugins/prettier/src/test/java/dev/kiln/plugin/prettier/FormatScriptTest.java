package dev.kiln.plugin.prettier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.ToolFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatScriptTest {

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsReformattedAndUnparsableFilesWithTabsAndNewlinesIntact() throws Exception {
    String stdout =
        "F\t"
            + b64("src/a b.ts")
            + "\t"
            + b64("const a = {\n\tb: 1,\n};\n")
            + "\nX\t"
            + b64("src/bad.ts")
            + "\t3\t1\t"
            + b64("Expression expected. (3:1)")
            + "\n";

    var lines = FormatScript.parse(new ExecOutcome(0, stdout, "", false, false), 2);

    assertThat(lines)
        .containsExactly(
            new FormatScript.Reformatted("src/a b.ts", "const a = {\n\tb: 1,\n};\n"),
            new FormatScript.Unparsable("src/bad.ts", 3, 1, "Expression expected. (3:1)"));
  }

  @Test
  void refusesToProposeEditsFromTruncatedOutput() {
    var truncated = new ExecOutcome(0, "F\t" + b64("a.ts") + "\tY29u", "", false, true);

    assertThatThrownBy(() -> FormatScript.parse(truncated, 1))
        .isInstanceOf(ToolFailedException.class)
        .hasMessage("prettier's output passed the sandbox's output cap; no edits were made");
  }

  @Test
  void reportsATimeout() {
    var timedOut = new ExecOutcome(137, "", "", true, false);

    assertThatThrownBy(() -> FormatScript.parse(timedOut, 12))
        .hasMessage("prettier did not finish formatting 12 files in time");
  }

  @Test
  void passesTheFilesAfterTheScriptSoNoneIsReadAsAnOption() throws Exception {
    List<String> command = FormatScript.command(null, List.of("-weird.ts", "src/a.ts"));

    assertThat(command.subList(0, 2)).containsExactly("node", "-e");
    assertThat(command.get(2)).contains("require.resolve(\"prettier\"");
    assertThat(command.subList(3, 7)).containsExactly("--", "-", "-weird.ts", "src/a.ts");
    assertThat(FormatScript.command("c/formatted.json", List.of("a.ts")).subList(3, 6))
        .containsExactly("--", "c/formatted.json", "a.ts");
  }

  @Test
  void descriptorDeclaresWhatTheToolDoes() {
    var descriptor = new PrettierTool().descriptor();

    assertThat(descriptor.id()).isEqualTo("prettier");
    assertThat(descriptor.sdkRange()).isEqualTo(">=1.1.0 & <2.0.0");
    assertThat(descriptor.costEstimateCredits()).isEqualTo(1);
  }
}
