package dev.kiln.platform.generation.llm;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the platform talks to a model: an OpenAI-compatible provider, with the org's own key
 * when it stored one, else the platform's. Prompts are redacted before they leave; answers are JSON
 * checked against a JSON Schema, with one repair request when they are malformed, cut off or
 * off-schema. Transient provider errors are retried underneath. Never call it inside a database
 * transaction: a request may take minutes.
 */
@Component
public final class LlmGateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LlmGateway.class);
  private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private final LlmSettings settings;
  private final OrgLlmKeys keys;
  private final ChatCompletions client;
  private final OutputCheck checks;
  private final LlmMetrics metrics;

  /** Endpoints (base URL and model) that refused {@code json_schema}: they get json_object. */
  private final Set<String> jsonObjectOnly = ConcurrentHashMap.newKeySet();

  LlmGateway(LlmSettings settings, OrgLlmKeys keys, MeterRegistry meters, Clock clock) {
    JsonMapper json = JsonMapper.builder().build();
    this.settings = settings;
    this.keys = keys;
    this.client = new ChatCompletions(settings, json, clock);
    this.checks = new OutputCheck(json);
    this.metrics = new LlmMetrics(meters);
  }

  /** True when {@code org} can use a model: it stored a key, or the platform has one. */
  public boolean available(UUID org) {
    return settings.platformKey() || keys.exists(org);
  }

  /** True when {@code org} stored its own provider key, which is used instead of the platform's. */
  public boolean ownKey(UUID org) {
    return keys.exists(org);
  }

  /**
   * Asks for a JSON answer valid against {@code jsonSchema} (draft 2020-12, an object at the root;
   * strict structured outputs want every property required and no additional properties).
   *
   * @param purpose what it is for, such as {@code plan}: names the schema, tags metrics and logs
   * @param temperature 0 to 2; 0 for planning
   * @param tokens receives content as it streams, again from the start for a retry or a repair;
   *     null asks for a non-streamed answer
   * @return the answer, never null
   * @throws LlmFailure when no valid answer came, after retries and one repair
   * @throws IllegalArgumentException when the schema or the arguments are invalid
   */
  public Structured structured(
      UUID org,
      String purpose,
      List<Message> messages,
      String jsonSchema,
      double temperature,
      Consumer<String> tokens) {
    Objects.requireNonNull(org, "org");
    checkArguments(purpose, messages, temperature);
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Never call an LLM inside a database transaction");
    }
    Call call =
        new Call(org, purpose, endpoint(org), checks.schema(jsonSchema), temperature, tokens);
    long started = System.nanoTime();
    try {
      Structured result = run(call, List.copyOf(messages));
      metrics.succeeded(call, result, Duration.ofNanos(System.nanoTime() - started));
      return result;
    } catch (LlmFailure failure) {
      metrics.failed(call, failure, Duration.ofNanos(System.nanoTime() - started));
      throw failure;
    }
  }

  private Structured run(Call call, List<Message> messages) {
    Attempt first = attempt(call, messages);
    if (first.valid()) {
      return call.result(first.outcome().value());
    }
    log.info(
        "LLM {} for org {}: answer unusable ({}), asking for a repair",
        call.purpose(),
        call.org(),
        String.join("; ", first.outcome().problems()));
    List<Message> repair = new ArrayList<>(messages);
    repair.add(Message.assistant(first.reply().content()));
    repair.add(Message.user(Prompts.repair(first.outcome().problems())));
    Attempt second = attempt(call, repair);
    if (second.valid()) {
      return call.result(second.outcome().value());
    }
    throw new LlmFailure(
        LlmFailure.Kind.INVALID_OUTPUT,
        true,
        call.usage(),
        "The AI model did not produce a usable "
            + call.purpose()
            + " after a repair attempt: "
            + String.join("; ", second.outcome().problems().stream().limit(3).toList())
            + ".");
  }

  private Attempt attempt(Call call, List<Message> messages) {
    ChatCompletions.Reply reply = send(call, messages);
    call.answered(reply);
    if (reply.refusal() != null && reply.content().isBlank()) {
      throw new LlmFailure(
          LlmFailure.Kind.REFUSED,
          false,
          call.usage(),
          "The AI model declined this request: " + ChatCompletions.clean(reply.refusal()));
    }
    OutputCheck.Outcome outcome =
        reply.truncated()
            ? new OutputCheck.Outcome(null, List.of(Prompts.truncated(reply.finishReason())))
            : checks.check(reply.content(), call.schema());
    return new Attempt(reply, outcome);
  }

  private ChatCompletions.Reply send(Call call, List<Message> messages) {
    Endpoint endpoint = call.endpoint();
    String format = endpoint.baseUrl() + " " + endpoint.model();
    boolean objectOnly = jsonObjectOnly.contains(format);
    List<Message> sent =
        objectOnly ? Prompts.withSchemaInstruction(messages, call.schema().json()) : messages;
    ChatCompletions.Request request =
        new ChatCompletions.Request(
            sent,
            call.temperature(),
            call.purpose(),
            call.schema().json(),
            objectOnly,
            call.tokens() != null);
    try {
      return client.complete(endpoint, request, call.tokens());
    } catch (ProviderError e) {
      if (!objectOnly && e.status() == 400 && Prompts.refusesJsonSchema(e.detail())) {
        log.info("{} does not support json_schema output; using json_object", endpoint);
        jsonObjectOnly.add(format);
        return send(call, messages);
      }
      throw Failures.of(e, endpoint, call.usage(), settings.timeout());
    }
  }

  /** The org's own key, else the platform's; fails when there is neither. */
  private Endpoint endpoint(UUID org) {
    return keys.endpoint(org)
        .or(this::platformEndpoint)
        .orElseThrow(
            () ->
                new LlmFailure(
                    LlmFailure.Kind.NOT_CONFIGURED,
                    true,
                    Usage.NONE,
                    "No AI model is configured: an owner can store the organization's own"
                        + " provider key, or the operator can set KILN_LLM_API_KEY."));
  }

  private Optional<Endpoint> platformEndpoint() {
    if (!settings.platformKey()) {
      return Optional.empty();
    }
    return Optional.of(
        new Endpoint(URI.create(settings.baseUrl()), settings.apiKey(), settings.model(), false));
  }

  private static void checkArguments(String purpose, List<Message> messages, double temperature) {
    if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
      throw new IllegalArgumentException("purpose must match " + PURPOSE + ": " + purpose);
    }
    if (messages == null || messages.isEmpty()) {
      throw new IllegalArgumentException("at least one message is needed");
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be between 0 and 2");
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** One model answer and what the check found. */
  private record Attempt(ChatCompletions.Reply reply, OutputCheck.Outcome outcome) {
    boolean valid() {
      return outcome.valid();
    }
  }
}
