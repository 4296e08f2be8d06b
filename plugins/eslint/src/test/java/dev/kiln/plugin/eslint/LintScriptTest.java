package dev.kiln.plugin.eslint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.plugin.api.ExecOutcome;
import dev.kiln.plugin.api.ToolFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintScriptTest {

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsProblemsAndFixedFiles() throws Exception {
    String stdout =
        String.join(
            "\n",
            "D\t"
                + b64("src/util.js")
                + "\t1\t5\t2\t"
                + b64("prefer-const")
                + "\t"
                + b64("use\tconst"),
            "F\t" + b64("src/util.js") + "\t" + b64("const total = 1;\n"),
            "");

    var lines = LintScript.parse(new ExecOutcome(0, stdout, "", false, false), 1);

    assertThat(lines)
        .containsExactly(
            new LintScript.Problem("src/util.js", 1, 5, 2, "prefer-const", "use\tconst"),
            new LintScript.Fixed("src/util.js", "const total = 1;\n"));
  }

  @Test
  void explainsAnEslintThatCannotRun() {
    var failed =
        new ExecOutcome(
            2, "", "ESLint couldn't find an eslint.config.(js|mjs|cjs) file.\n", false, false);

    assertThatThrownBy(() -> LintScript.parse(failed, 3))
        .isInstanceOf(ToolFailedException.class)
        .hasMessage(
            "eslint could not run (exit 2); is eslint 9 a devDependency of the project, installed,"
                + " and configured in eslint.config.mjs? ESLint couldn't find an"
                + " eslint.config.(js|mjs|cjs) file.");
  }

  @Test
  void refusesTruncatedOutput() {
    assertThatThrownBy(() -> LintScript.parse(new ExecOutcome(0, "D\t", "", false, true), 1))
        .hasMessageContaining("output cap");
  }

  @Test
  void namesTheModeAndTheCacheBeforeTheFiles() throws Exception {
    List<String> command = LintScript.command(false, null, List.of("src/a.js"));

    assertThat(command.subList(3, command.size())).containsExactly("--", "report", "-", "src/a.js");
    assertThat(LintScript.command(true, ".kiln-cache/eslint/eslintcache", List.of()))
        .endsWith("--", "fix", ".kiln-cache/eslint/eslintcache");
  }
}
