package dev.kiln.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolDescriptorTest {

  private static ToolDescriptor withId(String id) {
    return new ToolDescriptor(
        id,
        "1.0.0",
        List.of("**/*.ts"),
        Set.of(Produces.DIAGNOSTICS),
        1,
        ">=1.0.0 & <2.0.0",
        Stability.STABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"prettier", "no-console", "a1", "9patch", "x-"})
  void acceptsLowercaseIds(String id) {
    assertThat(withId(id).id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a", "-lint", "ESLint", "my_tool", "tool.js", "ünï"})
  void rejectsOtherIds(String id) {
    assertThatThrownBy(() -> withId(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id must match");
  }

  @Test
  void acceptsAnIdOfSixtyThreeCharactersButNotSixtyFour() {
    assertThat(withId("a".repeat(63)).id()).hasSize(63);
    assertThatThrownBy(() -> withId("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsANegativeCost() {
    assertThatThrownBy(
            () ->
                new ToolDescriptor(
                    "lint",
                    "1.0.0",
                    List.of("**"),
                    Set.of(Produces.EDITS),
                    -1,
                    "^1.0",
                    Stability.BETA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("costEstimateCredits");
  }

  @Test
  void rejectsAnEmptyProducesOrReads() {
    assertThatThrownBy(
            () ->
                new ToolDescriptor(
                    "lint", "1.0.0", List.of("**"), Set.of(), 0, "^1.0", Stability.BETA))
        .hasMessageContaining("produces");
    assertThatThrownBy(
            () ->
                new ToolDescriptor(
                    "lint", "1.0.0", List.of(), Set.of(Produces.EDITS), 0, "^1.0", Stability.BETA))
        .hasMessageContaining("reads");
  }

  @Test
  void rejectsAMalformedGlobAVersionThatIsNotSemverAndABlankRange() {
    assertThatThrownBy(
            () ->
                new ToolDescriptor(
                    "lint",
                    "1.0.0",
                    List.of("src/{a,b"),
                    Set.of(Produces.EDITS),
                    0,
                    "^1.0",
                    Stability.BETA))
        .hasMessageContaining("malformed glob");
    assertThatThrownBy(
            () ->
                new ToolDescriptor(
                    "lint",
                    "1.0",
                    List.of("**"),
                    Set.of(Produces.EDITS),
                    0,
                    "^1.0",
                    Stability.BETA))
        .hasMessageContaining("semantic version");
    assertThatThrownBy(
            () ->
                new ToolDescriptor(
                    "lint", "1.0.0", List.of("**"), Set.of(Produces.EDITS), 0, " ", Stability.BETA))
        .hasMessageContaining("sdkRange");
  }

  @Test
  void rejectsNullsNamingTheField() {
    assertThatThrownBy(
            () ->
                new ToolDescriptor(
                    "lint", "1.0.0", List.of("**"), Set.of(Produces.EDITS), 0, "^1.0", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stability");
  }

  @Test
  void keepsImmutableCopiesOfItsCollections() {
    List<String> reads = new ArrayList<>(List.of("**/*.ts"));
    Set<Produces> produces = EnumSet.of(Produces.DIAGNOSTICS);
    ToolDescriptor descriptor =
        new ToolDescriptor(
            "lint", "0.1.0-SNAPSHOT", reads, produces, 0, "^1.0", Stability.EXPERIMENTAL);

    reads.add("**/*.js");
    produces.add(Produces.EDITS);

    assertThat(descriptor.reads()).containsExactly("**/*.ts");
    assertThat(descriptor.produces()).containsExactly(Produces.DIAGNOSTICS);
    assertThatThrownBy(() -> descriptor.reads().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
