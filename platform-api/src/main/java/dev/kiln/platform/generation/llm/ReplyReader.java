package dev.kiln.platform.generation.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one chat-completions answer: a whole JSON response, or a server-sent event stream of {@code
 * data: {chunk}} events ending with {@code data: [DONE]}, where deltas are joined, tokens passed on
 * as they arrive, and usage taken from the final chunk. One reader per answer.
 */
final class ReplyReader {

  /** More content than this is cut and treated as truncated: no answer we ask for is this long. */
  static final int MAX_CONTENT_CHARS = 2_000_000;

  private static final String DONE = "[DONE]";

  private final JsonMapper json;
  private final StringBuilder content = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private String finishReason;
  private Usage usage;
  private String model;
  private boolean overflow;

  ReplyReader(JsonMapper json) {
    this.json = json;
  }

  /** Reads events until {@code [DONE]} or the end of the stream. */
  ChatCompletions.Reply readStream(BufferedReader lines, Consumer<String> tokens)
      throws IOException {
    StringBuilder data = new StringBuilder();
    boolean done = false;
    String line;
    while (!done && !overflow && (line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        done = dispatch(data, tokens);
      } else if (line.startsWith("data:")) {
        if (!data.isEmpty()) {
          data.append('\n');
        }
        data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
      }
      // comments (": keep-alive"), event:, id: and retry: lines carry nothing we need
    }
    if (!done && !overflow) {
      dispatch(data, tokens);
    }
    boolean truncated = overflow || finishReason == null || "length".equals(finishReason);
    return reply(truncated);
  }

  /** Reads a non-streamed response body. */
  ChatCompletions.Reply readWhole(String body) {
    JsonNode root = parse(body);
    failOnError(root);
    readCommon(root);
    JsonNode choice = root.path("choices").path(0);
    append(choice.path("message").path("content"), null);
    appendRefusal(choice.path("message").path("refusal"));
    readFinish(choice);
    return reply(overflow || "length".equals(finishReason));
  }

  private boolean dispatch(StringBuilder data, Consumer<String> tokens) {
    if (data.isEmpty()) {
      return false;
    }
    String event = data.toString().strip();
    data.setLength(0);
    if (DONE.equals(event)) {
      return true;
    }
    JsonNode chunk = parse(event);
    failOnError(chunk);
    readCommon(chunk);
    JsonNode choice = chunk.path("choices").path(0);
    append(choice.path("delta").path("content"), tokens);
    appendRefusal(choice.path("delta").path("refusal"));
    readFinish(choice);
    return false;
  }

  private void readCommon(JsonNode node) {
    if (node.path("model").isString()) {
      model = node.path("model").asString();
    }
    JsonNode u = node.path("usage");
    if (u.isObject()) {
      usage =
          new Usage(
              Math.max(0, u.path("prompt_tokens").asLong(0)),
              Math.max(0, u.path("completion_tokens").asLong(0)));
    }
  }

  private void append(JsonNode text, Consumer<String> tokens) {
    if (!text.isString() || text.asString().isEmpty()) {
      return;
    }
    String piece = text.asString();
    if (content.length() + piece.length() > MAX_CONTENT_CHARS) {
      overflow = true;
      return;
    }
    content.append(piece);
    if (tokens != null) {
      tokens.accept(piece);
    }
  }

  private void appendRefusal(JsonNode text) {
    if (text.isString()) {
      refusal.append(text.asString());
    }
  }

  private void readFinish(JsonNode choice) {
    if (choice.path("finish_reason").isString()) {
      finishReason = choice.path("finish_reason").asString();
    }
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

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JacksonException e) {
      throw ProviderError.unreachable("the provider sent an unreadable response");
    }
  }

  /** An error object in place of an answer, as OpenAI and OpenRouter send mid-stream. */
  private static void failOnError(JsonNode node) {
    JsonNode error = node.path("error");
    if (error.isMissingNode() || error.isNull()) {
      return;
    }
    int code = error.path("code").isIntegralNumber() ? error.path("code").asInt() : 0;
    int status = code >= 400 && code <= 599 ? code : 502;
    String message =
        error.path("message").isString() ? error.path("message").asString() : error.toString();
    throw ProviderError.status(status, null, ChatCompletions.clean(message));
  }
}
