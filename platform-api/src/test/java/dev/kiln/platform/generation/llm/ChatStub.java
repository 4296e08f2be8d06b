package dev.kiln.platform.generation.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local OpenAI-compatible provider: {@code POST /v1/chat/completions} answering in the real wire
 * format, whole ({@code chat.completion}) or streamed ({@code chat.completion.chunk} server-sent
 * events, a final usage chunk, {@code [DONE]}), or with the provider's error objects.
 */
public final class ChatStub {

  static final String PATH = "/v1/chat/completions";
  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** A small strict schema, like the planner's. */
  static final String SCHEMA =
      """
      {"type":"object","properties":{"name":{"type":"string"},\
      "pages":{"type":"array","items":{"type":"string"}}},\
      "required":["name","pages"],"additionalProperties":false}""";

  static final String VALID = "{\"name\":\"Clinic CRM\",\"pages\":[\"home\",\"patients\"]}";

  private static final AtomicInteger IDS = new AtomicInteger();

  public final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  public ChatStub start() {
    server.start();
    return this;
  }

  /** The API root to configure: {@code http://localhost:port/v1}. */
  public String baseUrl() {
    return server.baseUrl() + "/v1";
  }

  public void reset() {
    server.resetAll();
  }

  public void stop() {
    server.stop();
  }

  /** Answers requests with {@code responses} in order; the last one answers every later request. */
  public void answers(ResponseDefinitionBuilder... responses) {
    String scenario = "answers-" + IDS.incrementAndGet();
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder mapping =
          post(urlPathEqualTo(PATH))
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after-" + i);
      if (i < responses.length - 1) {
        mapping = mapping.willSetStateTo("after-" + (i + 1));
      }
      server.stubFor(mapping.willReturn(responses[i]));
    }
  }

  /** Every chat-completions request received, oldest first. */
  public List<LoggedRequest> requests() {
    return server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
  }

  /** The JSON bodies of {@link #requests()}. */
  public List<JsonNode> bodies() {
    return requests().stream().map(r -> JSON.readTree(r.getBodyAsString())).toList();
  }

  /** A non-streamed {@code chat.completion}. */
  public static ResponseDefinitionBuilder completion(
      String content, String finishReason, int in, int out) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", content);
    message.put("refusal", null);
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("index", 0);
    choice.put("message", message);
    choice.put("logprobs", null);
    choice.put("finish_reason", finishReason);
    Map<String, Object> body = base("chat.completion");
    body.put("choices", List.of(choice));
    body.put("usage", usage(in, out));
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(body));
  }

  /**
   * A streamed answer: one chunk per delta, a chunk with the finish reason, then (when {@code
   * usage} is set) the usage chunk and {@code [DONE]}; without usage the stream just ends.
   */
  public static ResponseDefinitionBuilder stream(
      List<String> deltas, String finishReason, int[] usage, boolean done) {
    StringBuilder sse = new StringBuilder();
    sse.append(": keep-alive\n\n");
    sse.append(chunk(Map.of("role", "assistant", "content", ""), null));
    for (String delta : deltas) {
      sse.append(chunk(Map.of("content", delta), null));
    }
    if (finishReason != null) {
      sse.append(chunk(Map.of(), finishReason));
    }
    if (usage != null) {
      Map<String, Object> last = base("chat.completion.chunk");
      last.put("choices", List.of());
      last.put("usage", usage(usage[0], usage[1]));
      sse.append("data: ").append(JSON.writeValueAsString(last)).append("\n\n");
    }
    if (done) {
      sse.append("data: [DONE]\n\n");
    }
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withHeader("Cache-Control", "no-cache")
        .withBody(sse.toString());
  }

  /** The content split into pieces of {@code size} characters, as tokens arrive. */
  public static List<String> pieces(String content, int size) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < content.length(); i += size) {
      out.add(content.substring(i, Math.min(content.length(), i + size)));
    }
    return out;
  }

  /** An error as OpenAI sends it. */
  public static ResponseDefinitionBuilder error(int status, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            JSON.writeValueAsString(
                Map.of(
                    "error",
                    Map.of(
                        "message", message,
                        "type", status == 429 ? "rate_limit_exceeded" : "invalid_request_error",
                        "code", status == 401 ? "invalid_api_key" : "error"))));
  }

  private static String chunk(Map<String, Object> delta, String finishReason) {
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("index", 0);
    choice.put("delta", delta);
    choice.put("finish_reason", finishReason);
    Map<String, Object> body = base("chat.completion.chunk");
    body.put("choices", List.of(choice));
    return "data: " + JSON.writeValueAsString(body) + "\n\n";
  }

  private static Map<String, Object> base(String object) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", "chatcmpl-" + IDS.incrementAndGet());
    body.put("object", object);
    body.put("created", 1_767_225_600);
    body.put("model", "stub-model-2026-01-01");
    body.put("system_fingerprint", "fp_stub");
    return body;
  }

  private static Map<String, Object> usage(int in, int out) {
    return Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out);
  }
}
