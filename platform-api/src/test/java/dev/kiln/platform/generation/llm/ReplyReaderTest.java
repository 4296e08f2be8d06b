package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Answers as openai-java parses them; the wire (SSE, [DONE]) is the SDK's, see ChatCompletionsTest.
 */
class ReplyReaderTest {

  final ReplyReader reader = new ReplyReader();

  @Test
  void aStreamIsJoinedFromDeltasWithUsageFromTheFinalChunk() throws Exception {
    List<String> tokens = new ArrayList<>();
    var reply =
        reader.readStream(
            chunks(
                chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                chunk("{\"content\":\"{\\\"a\\\":\"}", null),
                chunk("{\"content\":\"1}\"}", null),
                chunk("{}", "\"stop\""),
                "{\"id\":\"c\",\"model\":\"m-1\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":4,\"total_tokens\":15}}"),
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
    var early = reader.readStream(chunks(chunk("{\"content\":\"{\\\"a\\\":\"}", null)), null);
    assertThat(early.truncated()).isTrue();
    assertThat(early.finishReason()).isNull();
    var cut =
        new ReplyReader()
            .readStream(chunks(chunk("{\"content\":\"{\\\"a\\\":\"}", "\"length\"")), null);
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void fieldsMissingOrOfAnotherTypeAreSkipped() throws Exception {
    var reply =
        reader.readStream(
            chunks(
                "{\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":\"stop\"}]}",
                "{\"model\":42,\"choices\":\"none\",\"usage\":\"n/a\"}"),
            null);
    assertThat(reply.content()).isEqualTo("x");
    assertThat(reply.truncated()).isFalse();
    assertThat(reply.model()).isNull();
    assertThat(reply.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void aWholeResponseIsRead() throws Exception {
    var reply =
        reader.readWhole(
            whole(
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m-2\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"{}\",\"refusal\":null},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}"));
    assertThat(reply.content()).isEqualTo("{}");
    assertThat(reply.refusal()).isNull();
    assertThat(reply.usage()).isEqualTo(new Usage(3, 2));
    assertThat(reply.model()).isEqualTo("m-2");
    assertThat(reply.truncated()).isFalse();
  }

  @Test
  void aRefusalIsKept() throws Exception {
    var reply =
        reader.readWhole(
            whole(
                "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"I can't help\"},"
                    + "\"finish_reason\":\"stop\"}]}"));
    assertThat(reply.content()).isEmpty();
    assertThat(reply.refusal()).isEqualTo("I can't help");
  }

  @Test
  void anErrorObjectInPlaceOfTheAnswerIsAProviderError() throws Exception {
    var body = whole("{\"error\":{\"code\":503,\"message\":\"overloaded\"}}");
    assertThatThrownBy(() -> reader.readWhole(body))
        .isInstanceOfSatisfying(
            ProviderError.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.retryable()).isTrue();
              assertThat(e.detail()).isEqualTo("overloaded");
            });
  }

  static String chunk(String delta, String finishReason) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m-1\",\"choices\":"
        + "[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}";
  }

  static Stream<ChatCompletionChunk> chunks(String... json) throws Exception {
    List<ChatCompletionChunk> out = new ArrayList<>();
    for (String j : json) {
      out.add(ObjectMappers.jsonMapper().readValue(j, ChatCompletionChunk.class));
    }
    return out.stream();
  }

  static ChatCompletion whole(String json) throws Exception {
    return ObjectMappers.jsonMapper().readValue(json, ChatCompletion.class);
  }
}
