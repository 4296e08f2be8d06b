package dev.kiln.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdkVersionTest {

  @Test
  void theCurrentVersionIsOnePointOne() {
    assertThat(SdkVersion.CURRENT).isEqualTo("1.1.0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ">=1.0.0 & <2.0.0",
        "^1.0",
        "~1.1",
        "1.x",
        "1.0.0 - 1.9.0",
        "*",
        "1.0.0",
        " >=1.0.0 ",
        "<0.9.0 | >=1.0.0"
      })
  void acceptsRangesThatContainTheCurrentVersion(String range) {
    SdkVersion.Compatibility verdict = SdkVersion.check(range);

    assertThat(verdict.compatible()).as(verdict.reason()).isTrue();
    assertThat(verdict.reason()).contains("plugin-api 1.1.0");
  }

  @Test
  void rejectsANewerMajorTellingTheAuthorWhatToDo() {
    SdkVersion.Compatibility verdict = SdkVersion.check(">=2.0.0");

    assertThat(verdict.compatible()).isFalse();
    assertThat(verdict.reason())
        .isEqualTo(
            "plugin requires SDK \">=2.0.0\" but this Kiln runs plugin-api 1.1.0: rebuild"
                + " against dev.kiln:plugin-api 1.x or upgrade Kiln");
  }

  @Test
  void rejectsAPluginBuiltForAnOlderMajorOnANewerSdk() {
    SdkVersion.Compatibility verdict = SdkVersion.check(">=1.0.0 & <2.0.0", "2.1.0");

    assertThat(verdict.compatible()).isFalse();
    assertThat(verdict.reason()).contains("rebuild against dev.kiln:plugin-api 2.x");
  }

  @Test
  void aBareVersionMeansAtLeastThatVersionAsInPf4j() {
    assertThat(SdkVersion.check("1.0.0", "1.4.2").compatible()).isTrue();
    assertThat(SdkVersion.check("1.5.0", "1.4.2").compatible()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"one-point-oh", ">=1.0.0 <2.0.0", ">=", "1.0.0 &"})
  void reportsAnUnparsableRangeWithAnExample(String range) {
    SdkVersion.Compatibility verdict = SdkVersion.check(range);

    assertThat(verdict.compatible()).isFalse();
    assertThat(verdict.reason())
        .startsWith("plugin SDK range \"" + range.trim() + "\" is not a valid version range (")
        .endsWith("use an expression such as \">=1.0.0 & <2.0.0\"");
  }

  @Test
  void reportsAMissingRange() {
    assertThat(SdkVersion.check(null).compatible()).isFalse();
    assertThat(SdkVersion.check("").reason()).startsWith("plugin declares no SDK range");
  }
}
