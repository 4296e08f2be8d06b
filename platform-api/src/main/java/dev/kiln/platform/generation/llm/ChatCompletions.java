package dev.kiln.platform.generation.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.LogLevel;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the OpenAI-compatible {@code POST /chat/completions} on the openai-java SDK: sends a
 * request ({@link ChatParams}) with a deadline on the whole answer, reads it ({@link ReplyReader})
 * and repeats it after a 429, a 5xx or a connection error with {@link Backoff} (the SDK's own
 * retries are off, so every attempt is logged and counted here). Thread-safe.
 */
final class ChatCompletions implements AutoCloseable {

  /**
   * What to ask.
   *
   * @param schemaName the {@code json_schema.name}: letters, digits, {@code _} and {@code -}
   * @param jsonObjectOnly ask for {@code json_object} (providers without {@code json_schema})
   * @param stream stream the answer as server-sent events
   */
  record Request(
      List<Message> messages,
      double temperature,
      String schemaName,
      JsonNode schema,
      boolean jsonObjectOnly,
      boolean stream) {}

  /**
   * One answer.
   *
   * @param content the text the model produced; never null, maybe empty
   * @param refusal the model's refusal message, or null
   * @param finishReason {@code stop}, {@code length}...; null when the stream ended before it
   * @param truncated cut off: by the token limit, a stream that ended early, or our size limit
   * @param usage what the provider counted; {@link Usage#NONE} when it did not say
   * @param model the model that answered, as the provider names it; null when not said
   */
  record Reply(
      String content,
      String refusal,
      String finishReason,
      boolean truncated,
      Usage usage,
      String model) {}

  private static final Logger log = LoggerFactory.getLogger(ChatCompletions.class);
  private static final int MAX_DETAIL_CHARS = 300;

  private final LlmSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final Backoff backoff;

  /** Connections shared by the per-request SDK clients; never follows a redirect. */
  private final OkHttpClient transport;

  ChatCompletions(LlmSettings settings, JsonMapper json, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.backoff =
        new Backoff(
            settings.initialBackoff(),
            settings.maxBackoff(),
            settings.maxRetryAfter(),
            new Random());
    this.transport =
        new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false).build();
  }

  /**
   * Sends {@code request}, repeating it on transient failures; {@code tokens} (streaming only)
   * receives content as it arrives, again from the start after a retry.
   *
   * @throws ProviderError when the last attempt failed or the failure is not transient
   * @throws LlmFailure of kind {@code CANCELLED} when the thread is interrupted
   */
  Reply complete(Endpoint endpoint, Request request, Consumer<String> tokens) {
    ChatCompletionCreateParams params = ChatParams.of(endpoint.model(), request, json);
    for (int attempt = 1; ; attempt++) {
      checkInterrupted();
      try {
        return exchange(endpoint, params, request.stream(), tokens);
      } catch (ProviderError e) {
        Optional<Duration> wait =
            e.retryable() && attempt <= settings.maxRetries()
                ? backoff.delay(attempt, e.retryAfter())
                : Optional.empty();
        if (wait.isEmpty()) {
          throw e.after(attempt);
        }
        log.warn(
            "LLM request to {} failed ({}); retry {} of {} in {} ms",
            endpoint.baseUrl().getHost(),
            describe(e),
            attempt,
            settings.maxRetries(),
            wait.get().toMillis());
        sleep(wait.get());
      }
    }
  }

  private Reply exchange(
      Endpoint endpoint,
      ChatCompletionCreateParams params,
      boolean stream,
      Consumer<String> tokens) {
    OpenAIClient client = client(endpoint);
    try {
      if (!stream) {
        return new ReplyReader().readWhole(client.chat().completions().create(params));
      }
      try (StreamResponse<ChatCompletionChunk> chunks =
          client.chat().completions().createStreaming(params)) {
        return new ReplyReader().readStream(chunks.stream(), tokens);
      }
    } catch (OpenAIException e) {
      checkInterrupted();
      throw ProviderErrors.of(e, endpoint.baseUrl().getHost(), settings.timeout(), clock);
    } finally {
      client.close();
    }
  }

  /**
   * A client for one request to {@code endpoint}: its base URL and key, a deadline on the whole
   * answer (OkHttp's call timeout covers reading the stream), no SDK retries, no SDK logging (it
   * would print prompts) and no telemetry headers. Cheap: it borrows {@link #transport}.
   */
  private OpenAIClient client(Endpoint endpoint) {
    return OpenAIOkHttpClient.builder()
        .okHttpClient(transport)
        .baseUrl(endpoint.baseUrl().toString())
        .apiKey(endpoint.apiKey())
        .timeout(
            Timeout.builder()
                .connect(settings.connectTimeout())
                .request(settings.timeout())
                .build())
        .maxRetries(0)
        .logLevel(LogLevel.OFF)
        .disableTelemetry(true)
        .build();
  }

  /** A provider message fit for a log line or a user: redacted, one line, at most 300 chars. */
  static String clean(String text) {
    String oneLine = Redaction.redact(text).replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_DETAIL_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_DETAIL_CHARS) + "...";
  }

  static String describe(ProviderError e) {
    if (e.isTimedOut()) {
      return "timed out";
    }
    return e.status() == ProviderError.NO_STATUS
        ? e.detail()
        : "HTTP " + e.status() + (e.detail().isEmpty() ? "" : ": " + e.detail());
  }

  private void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled();
    }
  }

  private static void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw cancelled();
    }
  }

  static LlmFailure cancelled() {
    return new LlmFailure(
        LlmFailure.Kind.CANCELLED, true, Usage.NONE, "The request to the AI model was cancelled.");
  }

  @Override
  public void close() {
    transport.dispatcher().executorService().shutdown();
    transport.connectionPool().evictAll();
  }
}
