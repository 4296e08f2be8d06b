package dev.kiln.platform.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.generation.llm.ChatStub;
import dev.kiln.platform.generation.llm.FakeSecrets;
import dev.kiln.platform.generation.template.Manifest;
import dev.kiln.platform.generation.template.TemplateEngine;
import dev.kiln.platform.plugins.TestPlugins;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LLM generator in the running platform, against a local provider speaking the chat-completions
 * wire format (streamed): the model plans the manifest, its tokens arrive as events and are
 * metered; a build that fails goes to the auto-fix loop, which sends the model only the files the
 * errors name and keeps only its changes to them; a model that keeps answering off-schema fails the
 * generation clearly, with the hold released. The break is made by a third-party plugin that edits
 * a page of apps named "Breakable", as a faulty plugin or model would.
 */
@KilnIntegrationTest
class GenerationLlmIT {

  static final ChatStub stub = new ChatStub();
  static final Path PLUGINS = Path.of("target/generation-llm-plugins").toAbsolutePath();
  static final String BROKEN_PAGE = "app/page.tsx";
  static final String BREAK = "\nconst broken: number = \"not a number\";\n";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    if (!stub.server.isRunning()) {
      stub.start();
    }
    if (Files.exists(PLUGINS)) {
      try (var files = Files.walk(PLUGINS)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(PLUGINS);
    TestPlugins.jar(
        PLUGINS,
        "breaker",
        "1.0.0",
        ">=1.0.0",
        "Breaker",
        1,
        """
        var manifest = context.files().get("kiln/manifest.json");
        if (manifest.isEmpty() || !manifest.get().content().contains("Breakable")) {
          return ToolResult.empty();
        }
        ProjectFile page = context.files().get("%s").orElseThrow();
        return ToolResult.ofEdits(List.of(FileEdit.of(page, page.content() + "%s")));
        """
            .formatted(BROKEN_PAGE, BREAK.replace("\n", "\\n").replace("\"", "\\\"")));
    registry.add("kiln.plugins.dir", PLUGINS::toString);
    registry.add("kiln.plugins.builtins", () -> "false");
    registry.add("kiln.llm.base-url", stub::baseUrl);
    registry.add("kiln.llm.api-key", FakeSecrets::openAiKey);
    registry.add("kiln.llm.model", () -> "kiln-test-model");
    registry.add("kiln.llm.initial-backoff", () -> "20ms");
    registry.add("kiln.llm.max-backoff", () -> "100ms");
  }

  @AfterAll
  static void stopStub() {
    stub.stop();
  }

  @LocalServerPort int port;
  Api api;
  TestUser user;
  UUID org;

  @BeforeEach
  void setUp() {
    stub.reset();
    api = new Api(port);
    user = new KilnFixtures(api).signUp("Model User");
    org = user.personalOrg();
  }

  @Test
  void theModelPlansABrokenBuildIsFixedInTheNamedFileOnlyAndTokensAreCharged() {
    Manifest manifest = manifest("Breakable Clinic");
    String original = new TemplateEngine().render(manifest).files().get(BROKEN_PAGE);
    assertThat(original).as("the template renders " + BROKEN_PAGE).isNotNull();
    String fix =
        ChatStub.JSON.writeValueAsString(
            Map.of(
                "files",
                List.of(
                    Map.of("path", BROKEN_PAGE, "content", original),
                    Map.of("path", "lib/evil.ts", "content", "export const owned = true;\n"))));
    stub.answers(
        ChatStub.stream(
            ChatStub.pieces(manifest.toJson(), 400), "stop", new int[] {3000, 1500}, true),
        ChatStub.stream(ChatStub.pieces(fix, 400), "stop", new int[] {2000, 500}, true),
        ChatStub.stream(
            ChatStub.pieces(manifest.toJson(), 400), "stop", new int[] {3000, 100}, true));
    long before = balance();

    Api.Response created =
        api.post(
            projects(),
            user.accessToken(),
            Map.of("name", "Clinic", "prompt", "a clinic app with patients and appointments"));
    assertThat(created.status()).isEqualTo(201);
    String project = created.json().get("project").get("id").asString();
    String base =
        projects()
            + "/"
            + project
            + "/generations/"
            + created.json().get("generationId").asString();
    JsonNode generation = awaitFinished(base, 900_000);
    JsonNode events = api.get(base + "/events?limit=1000", user.accessToken()).json();
    assertThat(generation.get("status").asString())
        .as("%s\n%s", generation, abbreviate(events))
        .isEqualTo("succeeded");
    assertThat(generation.get("generator").asString()).isEqualTo("llm");
    assertThat(generation.get("promptTokens").asLong()).isEqualTo(5000);
    assertThat(generation.get("completionTokens").asLong()).isEqualTo(2000);

    List<String> types = new ArrayList<>();
    StringBuilder streamed = new StringBuilder();
    JsonNode attempt = null;
    JsonNode charged = null;
    JsonNode buildError = null;
    for (JsonNode e : events) {
      String type = e.get("type").asString();
      types.add(type);
      if (type.equals("token") && e.get("stage").asString().equals("plan")) {
        streamed.append(e.get("data").get("text").asString());
      }
      if (type.equals("autofix_attempt")) {
        attempt = e.get("data");
      }
      if (type.equals("credits_charged")) {
        charged = e.get("data");
      }
      if (type.equals("build_error") && buildError == null) {
        buildError = e.get("data");
      }
    }
    assertThat(streamed.toString()).as("the plan's tokens, as events").isEqualTo(manifest.toJson());
    assertThat(types.indexOf("build_error")).isPositive();
    // next build failed on the type error, listed as tsc lists it (file, position, code).
    assertThat(buildError.get("step").asString()).isEqualTo("typecheck");
    assertThat(strings(buildError.get("errors")))
        .anySatisfy(line -> assertThat(line).contains(BROKEN_PAGE).contains("TS2322"));
    assertThat(types.indexOf("autofix_attempt")).isGreaterThan(types.indexOf("build_error"));
    assertThat(types.lastIndexOf("build_ok")).isGreaterThan(types.indexOf("autofix_attempt"));
    assertThat(attempt).isNotNull();
    assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
    assertThat(strings(attempt.get("implicated"))).containsExactly(BROKEN_PAGE);
    assertThat(strings(attempt.get("files"))).containsExactly(BROKEN_PAGE);
    assertThat(strings(attempt.get("refused"))).containsExactly("lib/evil.ts");

    // The fixer saw the error and the named file, and nothing else of the project.
    JsonNode fixRequest = stub.bodies().get(1);
    String asked = fixRequest.get("messages").get(1).get("content").asString();
    assertThat(asked).contains(BROKEN_PAGE).contains("TS2322").contains("not a number");
    assertThat(asked).doesNotContain("=== lib/").doesNotContain("=== package.json");

    // Two versions: the generated one and the fix; the fix changed the named file only.
    String versions = projects() + "/" + project + "/versions";
    JsonNode list = api.get(versions, user.accessToken()).json();
    assertThat(list.size()).isEqualTo(2);
    String fixed = list.get(0).get("id").asString();
    assertThat(generation.get("version").asString()).isEqualTo(fixed);
    JsonNode diff =
        api.get(
                versions + "/" + fixed + "/diff?from=" + list.get(1).get("id").asString(),
                user.accessToken())
            .json();
    assertThat(diff.size()).isEqualTo(1);
    assertThat(diff.get(0).get("path").asString()).isEqualTo(BROKEN_PAGE);
    assertThat(
            api.get(versions + "/" + fixed + "/files/" + BROKEN_PAGE, user.accessToken())
                .json()
                .get("content")
                .asString())
        .isEqualTo(original);

    // Price 10 + 7 thousand tokens at 2 = 24, of a hold of 10 + 20 thousand tokens at 2 = 50.
    assertThat(charged).isNotNull();
    assertThat(charged.get("credits").asLong()).isEqualTo(24);
    assertThat(charged.get("held").asLong()).isEqualTo(50);
    assertThat(generation.get("charged").asLong()).isEqualTo(24);
    // ...and the breaker plugin's own run, metered on its own at its cost estimate (1).
    assertThat(balance()).isEqualTo(before - 24 - 1);

    // A follow-up the model answers with the same manifest: the same files, so the plugins, the
    // build and the version are skipped; the fixed version stays the project's.
    Api.Response again =
        api.post(
            projects() + "/" + project + "/generations",
            user.accessToken(),
            Map.of("prompt", "make the header a little friendlier"));
    assertThat(again.status()).isEqualTo(202);
    String againBase =
        projects() + "/" + project + "/generations/" + again.json().get("id").asString();
    JsonNode second = awaitFinished(againBase, 300_000);
    JsonNode secondEvents = api.get(againBase + "/events?limit=1000", user.accessToken()).json();
    assertThat(second.get("status").asString())
        .as("%s\n%s", second, abbreviate(secondEvents))
        .isEqualTo("succeeded");
    assertThat(second.get("version").asString()).isEqualTo(fixed);
    Map<String, JsonNode> completed = new java.util.HashMap<>();
    List<String> secondTypes = new ArrayList<>();
    for (JsonNode e : secondEvents) {
      secondTypes.add(e.get("type").asString());
      if (e.get("type").asString().equals("stage_complete")) {
        completed.put(e.get("stage").asString(), e.get("data"));
      }
    }
    assertThat(secondTypes).doesNotContain("plugin_result", "build_progress");
    assertThat(completed.get("plugins").get("skipped").asBoolean()).isTrue();
    assertThat(completed.get("plugins").get("reason").asString()).contains("same plugins");
    assertThat(completed.get("build").get("skipped").asBoolean()).isTrue();
    assertThat(api.get(versions, user.accessToken()).json().size()).isEqualTo(2);
  }

  @Test
  void aModelThatKeepsAnsweringOffSchemaFailsClearlyAndIsNotCharged() {
    stub.answers(
        ChatStub.stream(
            ChatStub.pieces("{\"version\":1,\"app\":{\"name\":\"x\"}}", 8),
            "stop",
            new int[] {900, 40},
            true));
    long before = balance();
    Api.Response created =
        api.post(
            projects(),
            user.accessToken(),
            Map.of("name", "Shop", "prompt", "a shop with products and orders"));
    assertThat(created.status()).isEqualTo(201);
    String base =
        projects()
            + "/"
            + created.json().get("project").get("id").asString()
            + "/generations/"
            + created.json().get("generationId").asString();
    JsonNode generation = awaitFinished(base, 120_000);
    assertThat(generation.get("status").asString()).isEqualTo("failed");
    assertThat(generation.get("error").asString())
        .contains("did not produce a usable plan after a repair attempt");
    assertThat(generation.get("charged").asLong()).isZero();
    assertThat(generation.get("promptTokens").asLong()).as("both requests metered").isEqualTo(1800);
    assertThat(stub.requests()).as("the answer and one repair").hasSize(2);
    assertThat(balance()).isEqualTo(before);
    JsonNode events = api.get(base + "/events", user.accessToken()).json();
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.get("type").asString()).isEqualTo("generation_failed");
    assertThat(last.get("data").get("failedStage").asString()).isEqualTo("plan");
  }

  private static Manifest manifest(String name) {
    Manifest planned =
        new TemplateEngine().plan("a CRM for a dental clinic with patients and appointments");
    ObjectNode tree = (ObjectNode) ChatStub.JSON.readTree(planned.toJson());
    ((ObjectNode) tree.get("app")).put("name", name);
    return Manifest.fromJson(ChatStub.JSON.writeValueAsString(tree));
  }

  private String projects() {
    return "/api/v1/orgs/" + org + "/projects";
  }

  private long balance() {
    return api.get("/api/v1/orgs/" + org + "/credits", user.accessToken())
        .json()
        .get("balance")
        .asLong();
  }

  private JsonNode awaitFinished(String path, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    JsonNode g = null;
    while (System.currentTimeMillis() < deadline) {
      g = api.get(path, user.accessToken()).json();
      String status = g.get("status").asString();
      if (!status.equals("queued") && !status.equals("running")) {
        return g;
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("the generation did not finish: " + g);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asString()));
    }
    return out;
  }

  private static String abbreviate(JsonNode events) {
    String text = events.toString();
    return text.length() <= 8000 ? text : text.substring(text.length() - 8000);
  }
}
