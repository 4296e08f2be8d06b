package dev.kiln.platform.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.plugin.api.Diagnostic;
import dev.kiln.plugin.api.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutoFixTest {

  static final Set<String> FILES =
      Set.of(
          "app/page.tsx",
          "app/patients/[id]/page.tsx",
          "lib/resources/patients.ts",
          "app/globals.css",
          "package.json");

  @Test
  void filesNamedAsTscNextJsAndPluginsPrintThemAreImplicated() {
    List<String> errors =
        List.of(
            "app/page.tsx(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
            "./app/patients/[id]/page.tsx:12:5",
            "Type error: Property 'x' does not exist on type 'Patient'.",
            "/workspace/lib/resources/patients.ts:4:1 no-unused-vars: 'a' is unused",
            "node_modules/next/dist/build/index.js:1:1 Error: something inside next",
            "Failed to compile.");
    assertThat(AutoFix.implicated(errors, FILES))
        .containsExactly("app/page.tsx", "app/patients/[id]/page.tsx", "lib/resources/patients.ts");
  }

  @Test
  void noFileNamedMeansNothingImplicated() {
    assertThat(AutoFix.implicated(List.of("JavaScript heap out of memory", "timed out"), FILES))
        .isEmpty();
    assertThat(AutoFix.implicated(List.of("lib/other.ts(1,1): error TS1"), FILES)).isEmpty();
  }

  @Test
  void onlyImplicatedFilesThatReallyChangeAreKept() {
    Map<String, String> implicated = Map.of("app/page.tsx", "old", "app/globals.css", "same");
    AutoFix.Changes changes =
        AutoFix.changes(
            implicated,
            Map.of(
                "app/page.tsx", "new",
                "app/globals.css", "same",
                "lib/evil.ts", "export {}",
                "../outside.ts", "x"));
    assertThat(changes.files()).containsExactlyEntriesOf(Map.of("app/page.tsx", "new"));
    assertThat(changes.refused()).containsExactlyInAnyOrder("lib/evil.ts", "../outside.ts");
  }

  @Test
  void aPluginErrorReadsLikeABuildErrorAndImplicatesItsFile() {
    String line =
        AutoFix.describe(
            new Diagnostic("app/page.tsx", 3, 7, Severity.ERROR, "TS2322", "not assignable"));
    assertThat(line).isEqualTo("app/page.tsx:3:7 TS2322: not assignable");
    assertThat(AutoFix.implicated(List.of(line), FILES)).containsExactly("app/page.tsx");
  }
}
