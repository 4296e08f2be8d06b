package dev.kiln.platform.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void aDiffNamesTheFileAndOnlyTheChangedLinesWithContext() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String after = "a\nb\nc\nd\nE\nf\ng\nh\n";

    String diff = UnifiedDiff.between("lib/x.ts", before, after);

    assertThat(diff)
        .isEqualTo(
            """
            --- a/lib/x.ts
            +++ b/lib/x.ts
            @@ -2,7 +2,7 @@
             b
             c
             d
            -e
            +E
             f
             g
             h
            """);
    assertThat(UnifiedDiff.apply(before, diff)).isEqualTo(after);
    assertThat(UnifiedDiff.between("lib/x.ts", before, before)).isEmpty();
  }

  @Test
  void keepsTheMissingNewlineAtTheEndEitherWay() {
    String diff = UnifiedDiff.between("a.txt", "one\ntwo", "one\ntwo\n");

    assertThat(diff).contains("\\ No newline at end of file");
    assertThat(UnifiedDiff.apply("one\ntwo", diff)).isEqualTo("one\ntwo\n");
    assertThat(UnifiedDiff.apply("one\ntwo\n", UnifiedDiff.between("a", "one\ntwo\n", "one\ntwo")))
        .isEqualTo("one\ntwo");
  }

  @Test
  void refusesADiffWhoseContextIsNotInTheBase() {
    String diff = UnifiedDiff.between("a.txt", "a\nb\nc\n", "a\nB\nc\n");

    assertThatThrownBy(() -> UnifiedDiff.apply("a\nb\nC\n", diff))
        .isInstanceOf(UnifiedDiff.Mismatch.class)
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> UnifiedDiff.apply("x\n", diff))
        .isInstanceOf(UnifiedDiff.Mismatch.class);
  }

  @Test
  void refusesMalformedDiffs() {
    assertThatThrownBy(() -> UnifiedDiff.apply("a\n", "")).hasMessageContaining("no hunk");
    assertThatThrownBy(() -> UnifiedDiff.apply("a\n", "hello\n"))
        .hasMessageContaining("before the first hunk");
    assertThatThrownBy(() -> UnifiedDiff.apply("a\n", "@@ -1 +1 @@\n-a\n"))
        .hasMessageContaining("shorter than its header");
    assertThatThrownBy(() -> UnifiedDiff.apply("a\n", "@@ -1 +1 @@\n*a\n+b\n"))
        .hasMessageContaining("unexpected line");
    assertThatThrownBy(() -> UnifiedDiff.apply("a\nb\n", "@@ -9,1 +9,1 @@\n-a\n+b\n"))
        .hasMessageContaining("past the end");
  }

  @Property(tries = 500)
  void applyingTheDiffOfTwoTextsToTheFirstGivesTheSecond(
      @ForAll("texts") String before, @ForAll("texts") String after) {
    String diff = UnifiedDiff.between("f.txt", before, after);

    assertThat(before.equals(after) ? before : UnifiedDiff.apply(before, diff)).isEqualTo(after);
  }

  @Property(tries = 300)
  void aSmallEditOfALongTextRoundTrips(
      @ForAll("texts") String text, @ForAll("edits") List<Integer> edits) {
    List<String> lines = new java.util.ArrayList<>(text.lines().toList());
    for (int at : edits) {
      if (!lines.isEmpty()) {
        lines.set(at % lines.size(), "edited " + at);
      }
    }
    String after = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");

    String diff = UnifiedDiff.between("f.txt", text, after);

    assertThat(text.equals(after) ? text : UnifiedDiff.apply(text, diff)).isEqualTo(after);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line = Arbitraries.of("a", "b", "c", "", "  x", "}", "const y = 1;");
    return Combinators.combine(line.list().ofMaxSize(40), Arbitraries.of(true, false))
        .as(
            (lines, newline) ->
                lines.isEmpty() ? "" : String.join("\n", lines) + (newline ? "\n" : ""));
  }

  @Provide
  Arbitrary<List<Integer>> edits() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(3);
  }
}
