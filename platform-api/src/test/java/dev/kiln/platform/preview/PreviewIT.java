package dev.kiln.platform.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.plugins.TestPlugins;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.BrowserScript;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Live previews in the running platform, with the real dev server in a serving sandbox and Debian's
 * Chromium (playwright-core) as the user: a generation's version appears on its own origin behind a
 * signed link; a follow-up reaches the open page by hot reload, without a reload; a script on the
 * preview origin gets nothing of the studio's storage and cannot call the API as the user; a broken
 * app is reported broken with its error, never ready; the org's limit stops the least recently used
 * preview, which starts again on its next visit. Needs Docker, Node and Chromium: fails without.
 */
@KilnIntegrationTest
class PreviewIT {

  static final Path PLUGINS = Path.of("target/preview-plugins").toAbsolutePath();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    if (Files.exists(PLUGINS)) {
      try (var files = Files.walk(PLUGINS)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(PLUGINS);
    // Breaks the home page of apps about recipes, as a faulty generator could.
    TestPlugins.jar(
        PLUGINS,
        "homebreaker",
        "1.0.0",
        ">=1.0.0",
        "HomeBreaker",
        1,
        """
        if (context.files().get("lib/resources/recipes.ts").isEmpty()) {
          return ToolResult.empty();
        }
        ProjectFile page = context.files().get("app/page.tsx").orElseThrow();
        return ToolResult.ofEdits(List.of(FileEdit.of(page,
            "export default function Home() { throw new Error(\\"kiln-broken-on-purpose\\"); }\\n")));
        """);
    // Makes the home page of apps about yoga log a console error in the browser, though the
    // server answers it: only a browser sees it.
    TestPlugins.jar(
        PLUGINS,
        "consolebreaker",
        "1.0.0",
        ">=1.0.0",
        "ConsoleBreaker",
        1,
        """
        if (context.files().get("lib/resources/instructors.ts").isEmpty()) {
          return ToolResult.empty();
        }
        ProjectFile page = context.files().get("app/page.tsx").orElseThrow();
        return ToolResult.ofEdits(List.of(FileEdit.of(page,
            "\\"use client\\";\\nimport { useEffect } from \\"react\\";\\n"
                + "export default function Home() {\\n"
                + "  useEffect(() => console.error(\\"kiln-console-error-on-purpose\\"), []);\\n"
                + "  return <p>Looks fine from the server</p>;\\n}\\n")));
        """);
    registry.add("kiln.plugins.dir", PLUGINS::toString);
    registry.add("kiln.plugins.builtins", () -> "false");
    registry.add("kiln.generation.build", () -> "false");
    registry.add("kiln.preview.follow-versions", () -> "true");
    registry.add("kiln.preview.max-per-org", () -> "1");
  }

  @LocalServerPort int port;
  Api api;
  TestUser user;
  UUID org;
  PreviewTestClient client;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    user = new KilnFixtures(api).signUp("Previewer");
    org = user.personalOrg();
    client = new PreviewTestClient(api, user, org);
  }

  @Test
  void theVersionIsShownOnItsOwnOriginAndAFollowUpArrivesByHotReload() throws Exception {
    PreviewTestClient.Started kanban =
        client.generate("Board", "a kanban board with boards, columns and tasks");
    JsonNode ready = client.awaitEvent(kanban, "preview_ready", 0);
    assertThat(ready.get("data").get("url").asString()).contains(".preview.localhost:");

    JsonNode opened = api.post(kanban.project() + "/preview", user.accessToken(), Map.of()).json();
    assertThat(opened.get("status").asString()).isEqualTo("ready");
    String url = opened.get("url").asString();

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("previewUrl", url);
    config.put("studioUrl", "http://localhost:" + port + "/");
    config.put("apiBase", "http://localhost:" + port);
    config.put("token", user.accessToken());
    config.put("path", "/tasks/new/");
    config.put("expectText", "Tasks");
    config.put(
        "followUp",
        Map.of(
            "url",
            "http://localhost:" + port + kanban.project() + "/generations",
            "prompt",
            "add a due date to tasks"));
    config.put("expectAfter", "Due date");
    config.put("screenshot", Path.of("target/preview-kanban.png").toAbsolutePath().toString());
    JsonNode seen = BrowserScript.run("preview-check.mjs", config, Duration.ofMinutes(10));

    assertThat(seen.get("error")).as(seen.toString()).isNull();
    assertThat(seen.get("status").asInt()).isEqualTo(200);
    assertThat(seen.get("origin").asString())
        .startsWith("http://")
        .endsWith(".preview.localhost:" + java.net.URI.create(url).getPort())
        .isNotEqualTo("http://localhost:" + port);
    JsonNode attack = seen.get("attack");
    assertThat(attack.get("localStorageToken").isNull()).as(attack.toString()).isTrue();
    assertThat(attack.get("cookies").asString()).isEmpty();
    assertThat(attack.has("apiStatus") && attack.get("apiStatus").asInt() == 200)
        .as("the API answered the preview origin as the user: %s", attack)
        .isFalse();
    assertThat(seen.get("followUpStatus").asInt()).isEqualTo(202);
    assertThat(seen.get("markerKept").asBoolean()).as("no reload: %s", seen).isTrue();
    assertThat(seen.get("navigationsDuringUpdate").asInt()).isZero();
    assertThat(client.events(kanban).stream().map(e -> e.get("type").asString()))
        .contains("preview_starting", "preview_ready");
  }

  @Test
  void aBrokenAppIsReportedBrokenAndTheOrgLimitStopsTheOldestPreviewUntilItsNextVisit()
      throws Exception {
    PreviewTestClient.Started shop = client.generate("Shop", "a shop with products and orders");
    client.awaitEvent(shop, "preview_ready", 0);
    String shopUrl =
        api.post(shop.project() + "/preview", user.accessToken(), Map.of())
            .json()
            .get("url")
            .asString();

    PreviewTestClient.Started gizmos =
        client.generate("Recipes", "a recipe site where users rate recipes");
    JsonNode error = client.awaitEvent(gizmos, "preview_error", 0);
    assertThat(error.get("data").get("error").asString()).contains("fails (500)");
    // The broken version is never reported ready: after its error, no preview_ready (the rendered
    // draft before the plugins broke it may have been).
    List<String> previewEvents =
        client.events(gizmos).stream()
            .map(e -> e.get("type").asString())
            .filter(t -> t.startsWith("preview_"))
            .toList();
    assertThat(previewEvents.subList(previewEvents.indexOf("preview_error"), previewEvents.size()))
        .doesNotContain("preview_ready");
    JsonNode state = api.get(gizmos.project() + "/preview", user.accessToken()).json();
    assertThat(state.get("status").asString()).isEqualTo("error");
    assertThat(state.get("error").asString()).isNotBlank();

    // Limit 1: the shop's preview was stopped to make room, and says why.
    JsonNode stopped = client.awaitEvent(shop, "preview_stopped", 0);
    assertThat(stopped.get("data").get("reason").asString()).contains("make room");
    // Its link still works: a visit starts it again.
    PreviewTestClient.Raw first = PreviewTestClient.rawGet(shopUrl, "/");
    assertThat(first.status()).isIn(503, 200);
    PreviewTestClient.Raw page = PreviewTestClient.awaitPage(shopUrl);
    assertThat(page.status()).as(page.text()).isEqualTo(200);

    // Bad links.
    assertThat(
            PreviewTestClient.rawGet(
                    "http://"
                        + "a".repeat(52)
                        + ".preview.localhost:"
                        + java.net.URI.create(shopUrl).getPort()
                        + "/",
                    "/")
                .status())
        .isEqualTo(404);
    assertThat(api.delete(shop.project() + "/preview", user.accessToken()).status()).isEqualTo(204);
    assertThat(
            api.get(shop.project() + "/preview", user.accessToken())
                .json()
                .get("status")
                .asString())
        .isEqualTo("stopped");
  }

  @Test
  void aPageThatOnlyFailsInTheBrowserIsReportedWithWhatTheBrowserSaw() throws Exception {
    PreviewTestClient.Started yoga = client.generate("Yoga", "a booking system for a yoga studio");

    JsonNode error = client.awaitEvent(yoga, "preview_error", 0);

    assertThat(error.get("data").get("error").asString())
        .contains("in a browser")
        .contains("console error")
        .contains("kiln-console-error-on-purpose");
    JsonNode state = api.get(yoga.project() + "/preview", user.accessToken()).json();
    assertThat(state.get("error").asString()).contains("kiln-console-error-on-purpose");
  }
}
