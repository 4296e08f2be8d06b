package dev.kiln.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class ClientMessageTest {

  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  static final UUID ORG = UUID.randomUUID();
  static final UUID GEN = UUID.randomUUID();

  @Test
  void aGenerationSubscriptionParses() throws Exception {
    ClientMessage m =
        ClientMessage.parse(
            JSON,
            "{\"action\":\"subscribe\",\"orgId\":\"%s\",\"generationId\":\"%s\",\"afterSeq\":7}"
                .formatted(ORG, GEN));

    assertThat(m.orgId()).isEqualTo(ORG);
    assertThat(m.generationId()).isEqualTo(GEN);
    assertThat(m.afterSeq()).isEqualTo(7);
    assertThat(m.stream()).isEqualTo("generation:" + GEN);
  }

  @Test
  void refusalsSayWhatIsWrongWithoutInternals() {
    String[] bad = {
      "[",
      "{\"action\":\"subscribe\",\"generationId\":\"%s\"}".formatted(GEN),
      "{\"action\":\"subscribe\",\"orgId\":\"%s\"}".formatted(ORG),
      "{\"action\":\"subscribe\",\"orgId\":\"%s\",\"generationId\":\"%s\",\"projectId\":\"%s\"}"
          .formatted(ORG, GEN, GEN),
      "{\"action\":\"subscribe\",\"orgId\":\"%s\",\"projectId\":\"%s\",\"afterSeq\":1}"
          .formatted(ORG, GEN),
      "{\"action\":\"subscribe\",\"orgId\":\"%s\",\"generationId\":\"%s\",\"since\":\"2026-01-01T00:00:00Z\"}"
          .formatted(ORG, GEN),
      "{\"action\":\"watch\",\"orgId\":\"%s\",\"generationId\":\"%s\"}".formatted(ORG, GEN),
      "{\"action\":\"subscribe\",\"orgId\":\"x\",\"generationId\":\"%s\"}".formatted(GEN),
    };
    for (String text : bad) {
      assertThatThrownBy(() -> ClientMessage.parse(JSON, text))
          .as(text)
          .isInstanceOf(ClientMessage.Refused.class)
          .message()
          .doesNotContain("Exception")
          .doesNotContain("tools.jackson");
    }
  }
}
