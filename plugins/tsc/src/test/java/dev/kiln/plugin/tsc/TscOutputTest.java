package dev.kiln.plugin.tsc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.Severity;
import org.junit.jupiter.api.Test;

class TscOutputTest {

  @Test
  void readsFileProblemsProjectProblemsAndContinuations() {
    String stdout =
        """
        src/a b/page.tsx(12,3): error TS2322: Type 'string' is not assignable to type 'number'.
          Nested detail.
            Deeper detail.
        error TS5083: Cannot read file 'tsconfig.base.json'.
        src/old.ts(1,1): warning TS6385: 'x' is deprecated.
        """;

    assertThat(TscOutput.parse(stdout))
        .containsExactly(
            new Diagnostic(
                "src/a b/page.tsx",
                12,
                3,
                Severity.ERROR,
                "TS2322",
                "Type 'string' is not assignable to type 'number'.\nNested detail.\nDeeper detail."),
            new Diagnostic(
                "", 0, 0, Severity.ERROR, "TS5083", "Cannot read file 'tsconfig.base.json'."),
            new Diagnostic("src/old.ts", 1, 1, Severity.WARNING, "TS6385", "'x' is deprecated."));
  }

  @Test
  void keepsTheLocationOfAFileOutsideTheProjectInTheMessage() {
    var diagnostics =
        TscOutput.parse("../shared/types.ts(3,5): error TS2304: Cannot find name 'X'.\n");

    assertThat(diagnostics)
        .containsExactly(
            new Diagnostic(
                "",
                0,
                0,
                Severity.ERROR,
                "TS2304",
                "../shared/types.ts(3,5): Cannot find name 'X'."));
  }

  @Test
  void ignoresLinesThatAreNotProblems() {
    assertThat(TscOutput.parse("\nFound 0 errors.\n")).isEmpty();
  }
}
