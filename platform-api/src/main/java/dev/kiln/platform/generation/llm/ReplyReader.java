package dev.kiln.platform.generation.llm;

import com.openai.core.JsonField;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads one chat-completions answer as openai-java parsed it: a whole {@link ChatCompletion}, or
 * the {@link ChatCompletionChunk}s of a stream, whose deltas are joined and passed on as tokens as
 * they arrive, with usage from the final chunk. As lenient as the providers it reads: a field that
 * is missing or of another type is skipped (the typed getters would throw). One reader per answer.
 */
final class ReplyReader {

  /** More content than this is cut and treated as truncated: no answer we ask for is this long. */
  static final int MAX_CONTENT_CHARS = 2_000_000;

  private final StringBuilder content = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private String finishReason;
  private Usage usage;
  private String model;
  private boolean overflow;

  /**
   * Reads chunks until the stream ends: at {@code [DONE]}, or early when the connection closes.
   * Stops reading at {@link #MAX_CONTENT_CHARS}.
   */
  ChatCompletions.Reply readStream(Stream<ChatCompletionChunk> chunks, Consumer<String> tokens) {
    Iterator<ChatCompletionChunk> it = chunks.iterator();
    while (!overflow && it.hasNext()) {
      ChatCompletionChunk chunk = it.next();
      readCommon(chunk._model(), chunk._usage());
      first(chunk._choices())
          .ifPresent(
              choice -> {
                choice
                    ._delta()
                    .asKnown()
                    .ifPresent(
                        delta -> {
                          append(delta._content(), tokens);
                          appendRefusal(delta._refusal());
                        });
                readFinish(choice._finishReason().asKnown().map(r -> r.asString()));
              });
    }
    boolean truncated = overflow || finishReason == null || "length".equals(finishReason);
    return reply(truncated);
  }

  /**
   * Reads a non-streamed answer.
   *
   * @throws ProviderError when the provider sent an error object in place of the answer
   */
  ChatCompletions.Reply readWhole(ChatCompletion completion) {
    JsonValue error = completion._additionalProperties().get("error");
    if (error != null && !error.isNull()) {
      throw ProviderErrors.errorObject(error);
    }
    readCommon(completion._model(), completion._usage());
    first(completion._choices())
        .ifPresent(
            choice -> {
              choice
                  ._message()
                  .asKnown()
                  .ifPresent(
                      message -> {
                        append(message._content(), null);
                        appendRefusal(message._refusal());
                      });
              readFinish(choice._finishReason().asKnown().map(r -> r.asString()));
            });
    return reply(overflow || "length".equals(finishReason));
  }

  private void readCommon(JsonField<String> model, JsonField<CompletionUsage> usage) {
    model.asKnown().ifPresent(m -> this.model = m);
    usage
        .asKnown()
        .ifPresent(
            u ->
                this.usage =
                    new Usage(
                        Math.max(0, u._promptTokens().asKnown().orElse(0L)),
                        Math.max(0, u._completionTokens().asKnown().orElse(0L))));
  }

  private void append(JsonField<String> text, Consumer<String> tokens) {
    String piece = text.asKnown().orElse("");
    if (piece.isEmpty()) {
      return;
    }
    if (content.length() + piece.length() > MAX_CONTENT_CHARS) {
      overflow = true;
      return;
    }
    content.append(piece);
    if (tokens != null) {
      tokens.accept(piece);
    }
  }

  private void appendRefusal(JsonField<String> text) {
    text.asKnown().ifPresent(refusal::append);
  }

  private void readFinish(Optional<String> reason) {
    reason.ifPresent(r -> finishReason = r);
  }

  private ChatCompletions.Reply reply(boolean truncated) {
    return new ChatCompletions.Reply(
        content.toString(),
        refusal.isEmpty() ? null : refusal.toString(),
        finishReason,
        truncated,
        usage == null ? Usage.NONE : usage,
        model);
  }

  /** The first choice, when there is one (the usage chunk has none). */
  private static <T> Optional<T> first(JsonField<List<T>> choices) {
    return choices.asKnown().filter(list -> !list.isEmpty()).map(List::getFirst);
  }
}
