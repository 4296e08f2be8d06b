package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OutputCheckTest {

  final OutputCheck checks = new OutputCheck(JsonMapper.builder().build());
  final OutputCheck.CompiledSchema schema = checks.schema(ChatStub.SCHEMA);

  @Test
  void validOutputPassesAndAMarkdownFenceIsTolerated() {
    assertThat(checks.check(ChatStub.VALID, schema).valid()).isTrue();
    var fenced = checks.check("```json\n" + ChatStub.VALID + "\n```", schema);
    assertThat(fenced.valid()).isTrue();
    assertThat(fenced.value().path("name").asString()).isEqualTo("Clinic CRM");
  }

  @Test
  void malformedAndIncompleteJsonIsSaidSo() {
    assertThat(checks.check("{\"name\": \"x\", \"pages\": [", schema).problems())
        .singleElement()
        .asString()
        .startsWith("it is not valid JSON")
        .contains("ends before the JSON is complete");
    assertThat(checks.check("Sure! {\"name\":\"x\"}", schema).problems())
        .singleElement()
        .asString()
        .startsWith("it is not valid JSON");
    assertThat(checks.check("{\"name\":\"x\",\"pages\":[]} and more", schema).valid()).isFalse();
    assertThat(checks.check("", schema).valid()).isFalse();
  }

  @Test
  void schemaViolationsNameTheirPlace() {
    var outcome = checks.check("{\"name\": 3, \"extra\": true}", schema);
    assertThat(outcome.value()).isNotNull();
    assertThat(outcome.problems())
        .anyMatch(p -> p.contains("/name") && p.contains("string expected"))
        .anyMatch(p -> p.startsWith("at the root") && p.contains("'pages'"))
        .anyMatch(p -> p.contains("'extra'"));
  }

  @Test
  void aSchemaMustBeAnObjectSchema() {
    assertThatThrownBy(() -> checks.schema("{not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> checks.schema("{\"type\":\"array\"}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
