package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire client alone against a local provider stub: retries, deadlines, stream errors. */
class ChatCompletionsTest {

  static ChatStub stub;
  ChatCompletions client;
  Endpoint endpoint;

  @BeforeAll
  static void startStub() {
    stub = new ChatStub().start();
  }

  @AfterAll
  static void stopStub() {
    stub.stop();
  }

  @BeforeEach
  void setUp() {
    stub.reset();
    client = client(Duration.ofSeconds(1), 2);
    endpoint = new Endpoint(URI.create(stub.baseUrl()), "sk-test-key-0000", "m", false);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  ChatCompletions client(Duration timeout, int retries) {
    LlmSettings settings =
        new LlmSettings(
            stub.baseUrl(),
            "k",
            "m",
            Duration.ofSeconds(2),
            timeout,
            retries,
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            Duration.ofSeconds(60),
            null,
            true);
    return new ChatCompletions(settings, ChatStub.JSON, Clock.systemUTC());
  }

  ChatCompletions.Request request(boolean stream) {
    return new ChatCompletions.Request(
        List.of(Message.user("hi")),
        0,
        "plan",
        ChatStub.JSON.readTree(ChatStub.SCHEMA),
        false,
        stream);
  }

  @Test
  void aBrokenConnectionIsRetried() {
    stub.answers(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withFault(Fault.CONNECTION_RESET_BY_PEER),
        ChatStub.completion(ChatStub.VALID, "stop", 5, 5));
    var reply = client.complete(endpoint, request(false), null);
    assertThat(reply.content()).isEqualTo(ChatStub.VALID);
    // Only this test's requests: a stalled stream of an earlier test may still reach the stub.
    assertThat(stub.requests())
        .filteredOn(r -> !"text/event-stream".equals(r.getHeader("Accept")))
        .hasSize(2);
  }

  @Test
  void anErrorEventInTheStreamIsRetried() {
    stub.answers(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/event-stream")
            .withBody("data: {\"error\":{\"code\":502,\"message\":\"upstream error\"}}\n\n"),
        ChatStub.stream(ChatStub.pieces(ChatStub.VALID, 7), "stop", new int[] {4, 9}, true));
    var reply = client.complete(endpoint, request(true), null);
    assertThat(reply.content()).isEqualTo(ChatStub.VALID);
    assertThat(reply.usage()).isEqualTo(new Usage(4, 9));
  }

  @Test
  void aStreamThatStallsPastTheTimeoutIsCutAndReportedAsATimeout() {
    try (ChatCompletions impatient = client(Duration.ofMillis(800), 0)) {
      stub.answers(
          ChatStub.stream(ChatStub.pieces(ChatStub.VALID, 3), "stop", new int[] {1, 1}, true)
              .withChunkedDribbleDelay(20, 6000));
      long started = System.nanoTime();
      assertThatThrownBy(() -> impatient.complete(endpoint, request(true), null))
          .isInstanceOfSatisfying(ProviderError.class, e -> assertThat(e.isTimedOut()).isTrue());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void aRetryAfterLongerThanTheLimitFailsAtOnce() {
    stub.answers(ChatStub.error(429, "slow down").withHeader("Retry-After", "600"));
    assertThatThrownBy(() -> client.complete(endpoint, request(false), null))
        .isInstanceOfSatisfying(
            ProviderError.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void retriesStopAfterTheConfiguredNumber() {
    stub.answers(ChatStub.error(503, "overloaded"));
    assertThatThrownBy(() -> client.complete(endpoint, request(false), null))
        .isInstanceOfSatisfying(ProviderError.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(stub.requests()).hasSize(3);
  }

  @Test
  void anUnreachableProviderIsAConnectionError() {
    Endpoint nowhere = new Endpoint(URI.create("http://127.0.0.1:1/v1"), "k", "m", false);
    try (ChatCompletions once = client(Duration.ofSeconds(1), 0)) {
      assertThatThrownBy(() -> once.complete(nowhere, request(false), null))
          .isInstanceOfSatisfying(
              ProviderError.class,
              e -> {
                assertThat(e.status()).isEqualTo(ProviderError.NO_STATUS);
                assertThat(e.retryable()).isTrue();
              });
    }
  }

  @Test
  void theRequestCarriesTheKeyTheSchemaRedactedMessagesAndAsksForUsage() {
    stub.answers(ChatStub.stream(List.of(ChatStub.VALID), "stop", new int[] {1, 1}, true));
    String pasted = FakeSecrets.token("sk-proj-", 24);
    var request =
        new ChatCompletions.Request(
            List.of(Message.system("You plan."), Message.user("my key is " + pasted)),
            0,
            "plan",
            ChatStub.JSON.readTree(ChatStub.SCHEMA),
            false,
            true);
    client.complete(endpoint, request, null);
    var sent = stub.requests().getFirst();
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk-test-key-0000");
    assertThat(sent.getBodyAsString()).doesNotContain(pasted).contains(Redaction.MARK);
    var body = stub.bodies().getFirst();
    assertThat(body.path("model").asString()).isEqualTo("m");
    assertThat(body.path("temperature").asDouble()).isZero();
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
    assertThat(body.path("response_format").path("json_schema").path("schema"))
        .isEqualTo(ChatStub.JSON.readTree(ChatStub.SCHEMA));
    assertThat(body.path("response_format").path("json_schema").path("strict").asBoolean())
        .isTrue();
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
  }

  @Test
  void dataSplitOverSeveralLinesIsOneEvent() {
    stub.answers(
        sse(
            "data: {\"choices\":[{\"delta\":{\"content\":\"x\"},\n"
                + "data: \"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));
    var reply = client.complete(endpoint, request(true), null);
    assertThat(reply.content()).isEqualTo("x");
    assertThat(reply.truncated()).isFalse();
  }

  @Test
  void anErrorEventInTheStreamIsAProviderErrorWithItsCode() {
    try (ChatCompletions once = client(Duration.ofSeconds(1), 0)) {
      stub.answers(
          sse(
              "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"{\"}}]}\n\n"
                  + "data: {\"error\":{\"code\":503,\"message\":\"overloaded\"}}\n\n"));
      assertThatThrownBy(() -> once.complete(endpoint, request(true), null))
          .isInstanceOfSatisfying(
              ProviderError.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.retryable()).isTrue();
                assertThat(e.detail()).isEqualTo("overloaded");
              });
    }
  }

  @Test
  void aRefusedKeyIsNotRetriedAndTheKeyIsNeverEchoed() {
    String key = FakeSecrets.openAiKey();
    Endpoint own = new Endpoint(URI.create(stub.baseUrl()), key, "m", true);
    stub.answers(ChatStub.error(401, "Incorrect API key provided: " + key + "."));
    assertThatThrownBy(() -> client.complete(own, request(false), null))
        .isInstanceOfSatisfying(
            ProviderError.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.retryable()).isFalse();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.detail()).startsWith("Incorrect API key provided");
              assertThat(ChatCompletions.describe(e) + e.getMessage()).doesNotContain(key);
            });
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void anErrorPageThatIsNotJsonIsStillAServerError() {
    try (ChatCompletions once = client(Duration.ofSeconds(1), 0)) {
      stub.answers(
          com.github.tomakehurst.wiremock.client.WireMock.aResponse()
              .withStatus(502)
              .withHeader("Content-Type", "text/html")
              .withBody("<html><body>Bad Gateway</body></html>"));
      assertThatThrownBy(() -> once.complete(endpoint, request(false), null))
          .isInstanceOfSatisfying(
              ProviderError.class,
              e -> {
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.retryable()).isTrue();
              });
    }
  }

  @Test
  void anAnswerThatIsNotJsonIsUnreadableAndRetried() {
    stub.answers(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"choices\": [tru"),
        ChatStub.completion(ChatStub.VALID, "stop", 5, 5));
    var reply = client.complete(endpoint, request(false), null);
    assertThat(reply.content()).isEqualTo(ChatStub.VALID);
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
    return com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(body);
  }
}
