package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReplyReaderTest {

  final ReplyReader reader = new ReplyReader(JsonMapper.builder().build());

  @Test
  void aStreamIsJoinedFromDeltasWithUsageFromTheFinalChunk() throws Exception {
    List<String> tokens = new ArrayList<>();
    var reply =
        reader.readStream(
            lines(
                ": OPENROUTER PROCESSING\n\n"
                    + chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)
                    + chunk("{\"content\":\"{\\\"a\\\":\"}", null)
                    + chunk("{\"content\":\"1}\"}", null)
                    + chunk("{}", "\"stop\"")
                    + "data: {\"id\":\"c\",\"model\":\"m-1\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":4,\"total_tokens\":15}}\n\n"
                    + "data: [DONE]\n\n"),
            tokens::add);
    assertThat(reply.content()).isEqualTo("{\"a\":1}");
    assertThat(tokens).containsExactly("{\"a\":", "1}");
    assertThat(reply.usage()).isEqualTo(new Usage(11, 4));
    assertThat(reply.finishReason()).isEqualTo("stop");
    assertThat(reply.truncated()).isFalse();
    assertThat(reply.model()).isEqualTo("m-1");
  }

  @Test
  void aStreamEndingWithoutFinishReasonOrCutByLengthIsTruncated() throws Exception {
    var early = reader.readStream(lines(chunk("{\"content\":\"{\\\"a\\\":\"}", null)), null);
    assertThat(early.truncated()).isTrue();
    assertThat(early.finishReason()).isNull();
    var cut =
        new ReplyReader(JsonMapper.builder().build())
            .readStream(lines(chunk("{\"content\":\"{\\\"a\\\":\"}", "\"length\"")), null);
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void dataSplitOverSeveralLinesIsOneEvent() throws Exception {
    var reply =
        reader.readStream(
            lines(
                "data: {\"choices\":[{\"delta\":{\"content\":\"x\"},\n"
                    + "data: \"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"),
            null);
    assertThat(reply.content()).isEqualTo("x");
    assertThat(reply.truncated()).isFalse();
  }

  @Test
  void anErrorEventInTheStreamIsAProviderError() {
    assertThatThrownBy(
            () ->
                reader.readStream(
                    lines(
                        chunk("{\"content\":\"{\"}", null)
                            + "data: {\"error\":{\"code\":503,\"message\":\"overloaded\"}}\n\n"),
                    null))
        .isInstanceOfSatisfying(
            ProviderError.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.retryable()).isTrue();
              assertThat(e.detail()).isEqualTo("overloaded");
            });
  }

  @Test
  void aWholeResponseIsRead() {
    var reply =
        reader.readWhole(
            "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m-2\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"{}\",\"refusal\":null},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}");
    assertThat(reply.content()).isEqualTo("{}");
    assertThat(reply.refusal()).isNull();
    assertThat(reply.usage()).isEqualTo(new Usage(3, 2));
    assertThat(reply.truncated()).isFalse();
  }

  @Test
  void aRefusalIsKept() {
    var reply =
        reader.readWhole(
            "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"I can't help\"},"
                + "\"finish_reason\":\"stop\"}]}");
    assertThat(reply.content()).isEmpty();
    assertThat(reply.refusal()).isEqualTo("I can't help");
  }

  static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m-1\",\"choices\":"
        + "[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}\n\n";
  }

  static BufferedReader lines(String text) {
    return new BufferedReader(new StringReader(text));
  }
}
