package dev.kiln.platform.generation.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.platform.support.KilnIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway in the running platform with the platform key, against a local provider speaking the
 * chat-completions wire format: structured output, streaming, retries, repairs, redaction.
 */
@KilnIntegrationTest
class LlmGatewayIT {

  static final String PLATFORM_KEY = FakeSecrets.openAiKey();
  static final ChatStub stub = new ChatStub();

  @DynamicPropertySource
  static void llm(DynamicPropertyRegistry registry) {
    if (!stub.server.isRunning()) {
      stub.start();
    }
    registry.add("kiln.llm.base-url", stub::baseUrl);
    registry.add("kiln.llm.api-key", () -> PLATFORM_KEY);
    registry.add("kiln.llm.model", () -> "kiln-test-model");
    registry.add("kiln.llm.initial-backoff", () -> "20ms");
    registry.add("kiln.llm.max-backoff", () -> "100ms");
  }

  @AfterAll
  static void stopStub() {
    stub.stop();
  }

  @Autowired LlmGateway gateway;
  final UUID org = UUID.randomUUID();

  @BeforeEach
  void resetStub() {
    stub.reset();
  }

  Structured ask(List<Message> messages, List<String> tokens) {
    return gateway.structured(
        org, "plan", messages, ChatStub.SCHEMA, 0, tokens == null ? null : tokens::add);
  }

  static List<Message> prompt(String text) {
    return List.of(Message.system("You plan web apps."), Message.user(text));
  }

  @Test
  void aNonStreamedAnswerIsParsedValidatedAndMetered() {
    stub.answers(ChatStub.completion(ChatStub.VALID, "stop", 120, 30));
    Structured result = ask(prompt("a CRM for my clinic"), null);
    assertThat(result.value().path("name").asString()).isEqualTo("Clinic CRM");
    assertThat(result.usage()).isEqualTo(new Usage(120, 30));
    assertThat(result.model()).isEqualTo("stub-model-2026-01-01");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.ownKey()).isFalse();
    assertThat(gateway.available(org)).isTrue();

    var request = stub.requests().getFirst();
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + PLATFORM_KEY);
    JsonNode body = stub.bodies().getFirst();
    assertThat(body.path("model").asString()).isEqualTo("kiln-test-model");
    assertThat(body.path("temperature").asDouble()).isZero();
    assertThat(body.path("messages").path(1).path("role").asString()).isEqualTo("user");
    assertThat(body.path("messages").path(1).path("content").asString())
        .isEqualTo("a CRM for my clinic");
    JsonNode format = body.path("response_format");
    assertThat(format.path("type").asString()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asString()).isEqualTo("plan");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    assertThat(format.path("json_schema").path("schema"))
        .isEqualTo(ChatStub.JSON.readTree(ChatStub.SCHEMA));
    assertThat(body.has("stream")).isFalse();
  }

  @Test
  void aStreamedAnswerReachesTheCallbackTokenByTokenWithUsageFromTheLastChunk() {
    stub.answers(
        ChatStub.stream(ChatStub.pieces(ChatStub.VALID, 5), "stop", new int[] {200, 41}, true));
    List<String> tokens = new ArrayList<>();
    Structured result = ask(prompt("a CRM for my clinic"), tokens);
    assertThat(tokens).hasSizeGreaterThan(5);
    assertThat(String.join("", tokens)).isEqualTo(ChatStub.VALID);
    assertThat(result.value()).isEqualTo(ChatStub.JSON.readTree(ChatStub.VALID));
    assertThat(result.usage()).isEqualTo(new Usage(200, 41));

    assertThat(stub.requests().getFirst().getHeader("Accept")).isEqualTo("text/event-stream");
    JsonNode body = stub.bodies().getFirst();
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    stub.answers(
        ChatStub.error(429, "Rate limit reached for requests").withHeader("Retry-After", "1"),
        ChatStub.completion(ChatStub.VALID, "stop", 10, 10));
    long started = System.nanoTime();
    Structured result = ask(prompt("a CRM"), null);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void twoServerErrorsAreRetriedThenTheAnswerIsUsed() {
    stub.answers(
        ChatStub.error(500, "The server had an error while processing your request."),
        ChatStub.error(500, "The server had an error while processing your request."),
        ChatStub.stream(ChatStub.pieces(ChatStub.VALID, 9), "stop", new int[] {7, 8}, true));
    Structured result = ask(prompt("a CRM"), new ArrayList<>());
    assertThat(result.value().path("pages").size()).isEqualTo(2);
    assertThat(stub.requests()).hasSize(3);
  }

  @Test
  void a400IsNotRetriedAndFailsWithAReadableMessage() {
    stub.answers(ChatStub.error(400, "Invalid value for 'temperature': must be at most 2."));
    assertThatThrownBy(() -> ask(prompt("a CRM"), null))
        .isInstanceOfSatisfying(
            LlmFailure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(LlmFailure.Kind.REJECTED);
              assertThat(f.refundable()).isTrue();
              assertThat(f.getMessage())
                  .contains("refused the request", "HTTP 400", "Invalid value for 'temperature'");
            });
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void malformedJsonIsRepairedWithOneRequestThatQuotesTheProblem() {
    String malformed = "{\"name\": \"Clinic CRM\", \"pages\": [\"home\",";
    stub.answers(
        ChatStub.completion(malformed, "stop", 100, 20),
        ChatStub.completion(ChatStub.VALID, "stop", 150, 25));
    Structured result = ask(prompt("a CRM"), null);
    assertThat(result.repaired()).isTrue();
    assertThat(result.usage()).isEqualTo(new Usage(250, 45));

    JsonNode repair = stub.bodies().get(1).path("messages");
    assertThat(repair.size()).isEqualTo(4);
    assertThat(repair.path(2).path("role").asString()).isEqualTo("assistant");
    assertThat(repair.path(2).path("content").asString()).isEqualTo(malformed);
    assertThat(repair.path(3).path("role").asString()).isEqualTo("user");
    assertThat(repair.path(3).path("content").asString())
        .contains("not valid JSON", "ends before the JSON is complete", "corrected");
  }

  @Test
  void outputThatViolatesTheSchemaTwiceFailsAndIsRefunded() {
    stub.answers(
        ChatStub.completion("{\"name\":\"Clinic CRM\"}", "stop", 100, 10),
        ChatStub.completion("{\"name\":\"Clinic CRM\",\"pages\":\"home\"}", "stop", 120, 12));
    assertThatThrownBy(() -> ask(prompt("a CRM"), null))
        .isInstanceOfSatisfying(
            LlmFailure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(LlmFailure.Kind.INVALID_OUTPUT);
              assertThat(f.refundable()).isTrue();
              assertThat(f.usage()).isEqualTo(new Usage(220, 22));
              assertThat(f.getMessage()).contains("usable plan", "/pages");
            });
    assertThat(stub.requests()).hasSize(2);
    assertThat(stub.bodies().get(1).path("messages").path(3).path("content").asString())
        .contains("required property 'pages' not found");
  }

  @Test
  void aTruncatedStreamIsRepaired() {
    String half = ChatStub.VALID.substring(0, 20);
    stub.answers(
        ChatStub.stream(ChatStub.pieces(half, 4), "length", null, false),
        ChatStub.stream(ChatStub.pieces(ChatStub.VALID, 4), "stop", new int[] {90, 30}, true));
    List<String> tokens = new ArrayList<>();
    Structured result = ask(prompt("a CRM"), tokens);
    assertThat(result.repaired()).isTrue();
    assertThat(result.value()).isEqualTo(ChatStub.JSON.readTree(ChatStub.VALID));
    assertThat(String.join("", tokens)).isEqualTo(half + ChatStub.VALID);
    assertThat(stub.bodies().get(1).path("messages").path(3).path("content").asString())
        .contains("cut off", "finish_reason: length");
  }

  @Test
  void aStreamThatEndsEarlyIsRepairedToo() {
    stub.answers(
        ChatStub.stream(ChatStub.pieces(ChatStub.VALID.substring(0, 12), 4), null, null, false),
        ChatStub.stream(ChatStub.pieces(ChatStub.VALID, 4), "stop", new int[] {9, 9}, true));
    Structured result = ask(prompt("a CRM"), new ArrayList<>());
    assertThat(result.repaired()).isTrue();
    assertThat(stub.bodies().get(1).path("messages").path(3).path("content").asString())
        .contains("stopped before it was complete");
  }

  @Test
  void pastedSecretsNeverReachTheProvider() {
    String secret = FakeSecrets.token("sk-proj-", 24);
    String github = FakeSecrets.token("ghp" + "_", 32);
    stub.answers(
        ChatStub.completion("{\"name\": \"uses " + github, "stop", 5, 5),
        ChatStub.completion(ChatStub.VALID, "stop", 5, 5));
    ask(
        List.of(
            Message.system("You plan web apps."),
            Message.user(
                "a CRM; my OpenAI key is "
                    + secret
                    + " and the db is postgres://admin:hunter2@db.example.com/crm,"
                    + " password: s3cr3t-pw")),
        null);
    assertThat(stub.requests()).hasSize(2);
    for (var request : stub.requests()) {
      assertThat(request.getBodyAsString())
          .doesNotContain(secret, "hunter2", "s3cr3t-pw", github)
          .contains(Redaction.MARK);
    }
  }

  @Test
  void aSchemaThatIsNotAnObjectSchemaIsAProgrammingError() {
    assertThatThrownBy(
            () -> gateway.structured(org, "plan", prompt("x"), "{\"type\":\"array\"}", 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> gateway.structured(org, "Plan Stage!", prompt("x"), ChatStub.SCHEMA, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void aRefusalFailsWithoutARefund() {
    stub.answers(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":null,"
                    + "\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}"));
    assertThatThrownBy(() -> ask(prompt("something harmful"), null))
        .isInstanceOfSatisfying(
            LlmFailure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(LlmFailure.Kind.REFUSED);
              assertThat(f.refundable()).isFalse();
              assertThat(f.getMessage()).contains("I can't help with that.");
            });
  }
}
