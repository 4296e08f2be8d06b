package dev.kiln.platform.generation.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of the OpenAI-compatible {@code POST /chat/completions}: builds the request (messages
 * redacted, JSON-schema structured output, usage in the stream), sends it with a deadline on the
 * whole answer, and repeats it after a 429, a 5xx or a connection error with exponential backoff.
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
  private static final int MAX_ERROR_BODY_BYTES = 16 * 1024;
  private static final int MAX_DETAIL_CHARS = 300;

  private final LlmSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final Backoff backoff;
  private final HttpClient http;
  private final ScheduledThreadPoolExecutor deadlines;

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
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.deadlines =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("kiln-llm-deadlines").factory());
    this.deadlines.setRemoveOnCancelPolicy(true);
  }

  /**
   * Sends {@code request}, repeating it on transient failures; {@code tokens} (streaming only)
   * receives content as it arrives, again from the start after a retry.
   *
   * @throws ProviderError when the last attempt failed or the failure is not transient
   * @throws LlmFailure of kind {@code CANCELLED} when the thread is interrupted
   */
  Reply complete(Endpoint endpoint, Request request, Consumer<String> tokens) {
    String body = json.writeValueAsString(body(endpoint, request));
    for (int attempt = 1; ; attempt++) {
      try {
        return exchange(endpoint, body, request.stream(), tokens);
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

  ObjectNode body(Endpoint endpoint, Request request) {
    ObjectNode root = json.createObjectNode();
    root.put("model", endpoint.model());
    ArrayNode messages = root.putArray("messages");
    for (Message m : request.messages()) {
      Message out = m.redacted();
      messages.addObject().put("role", out.role().id()).put("content", out.content());
    }
    root.put("temperature", request.temperature());
    ObjectNode format = root.putObject("response_format");
    if (request.jsonObjectOnly()) {
      format.put("type", "json_object");
    } else {
      format.put("type", "json_schema");
      ObjectNode schema = format.putObject("json_schema");
      schema.put("name", request.schemaName());
      schema.set("schema", request.schema());
      schema.put("strict", true);
    }
    if (request.stream()) {
      root.put("stream", true);
      root.putObject("stream_options").put("include_usage", true);
    }
    return root;
  }

  private Reply exchange(Endpoint endpoint, String body, boolean stream, Consumer<String> tokens) {
    long started = System.nanoTime();
    HttpResponse<InputStream> response = send(request(endpoint, body, stream));
    Duration left = settings.timeout().minusNanos(System.nanoTime() - started);
    InputStream in = response.body();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              expired.set(true);
              closeQuietly(in);
            },
            Math.max(1, left.toMillis()),
            TimeUnit.MILLISECONDS);
    try {
      if (response.statusCode() / 100 != 2) {
        throw ProviderError.status(
            response.statusCode(),
            Backoff.retryAfter(response.headers(), clock),
            errorDetail(in.readNBytes(MAX_ERROR_BODY_BYTES)));
      }
      ReplyReader reader = new ReplyReader(json);
      if (stream) {
        return reader.readStream(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), tokens);
      }
      return reader.readWhole(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      checkInterrupted();
      throw expired.get()
          ? ProviderError.timedOut(settings.timeout())
          : ProviderError.unreachable("the connection broke while reading the answer");
    } finally {
      deadline.cancel(false);
      closeQuietly(in);
    }
  }

  private HttpRequest request(Endpoint endpoint, String body, boolean stream) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.chatCompletions())
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + endpoint.apiKey())
            .header("Content-Type", "application/json")
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if ("http".equalsIgnoreCase(endpoint.baseUrl().getScheme())) {
      // no h2c upgrade dance with local servers (Ollama, stubs)
      request.version(HttpClient.Version.HTTP_1_1);
    }
    return request.build();
  }

  private HttpResponse<InputStream> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw ProviderError.timedOut(settings.timeout());
    } catch (ConnectException e) {
      throw ProviderError.unreachable("could not connect to " + request.uri().getHost());
    } catch (IOException e) {
      checkInterrupted();
      throw ProviderError.unreachable("the connection to " + request.uri().getHost() + " broke");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled();
    }
  }

  /** The provider's error message, redacted and shortened; never null. */
  private String errorDetail(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode root = json.readTree(text);
      JsonNode message = root.path("error").path("message");
      if (!message.isString()) {
        message = root.path("error").isString() ? root.path("error") : root.path("message");
      }
      if (message.isString()) {
        text = message.asString();
      }
    } catch (JacksonException notJson) {
      // keep the raw text
    }
    return clean(text);
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

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing is best effort: the stream is done with either way
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    http.close();
  }
}
