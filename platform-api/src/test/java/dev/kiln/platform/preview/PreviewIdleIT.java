package dev.kiln.platform.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A preview nobody visits is stopped after the idle time and starts again on its next visit. */
@KilnIntegrationTest
@TestPropertySource(
    properties = {
      "kiln.plugins.builtins=false",
      "kiln.generation.build=false",
      "kiln.preview.follow-versions=true",
      "kiln.preview.idle-stop=6s"
    })
class PreviewIdleIT {

  @LocalServerPort int port;

  @Test
  void anIdlePreviewStopsAndItsLinkStartsItAgain() throws Exception {
    Api api = new Api(port);
    TestUser user = new KilnFixtures(api).signUp("Idle Previewer");
    PreviewTestClient client = new PreviewTestClient(api, user, user.personalOrg());
    PreviewTestClient.Started blog =
        client.generate("Blog", "a blog with posts, authors and comments");
    String url = client.awaitEvent(blog, "preview_ready", 0).get("data").get("url").asString();

    JsonNode stopped = client.awaitEvent(blog, "preview_stopped", 0);

    assertThat(stopped.get("data").get("reason").asString()).contains("idle");
    assertThat(
            api.get(blog.project() + "/preview", user.accessToken())
                .json()
                .get("status")
                .asString())
        .isEqualTo("stopped");
    PreviewTestClient.Raw first = PreviewTestClient.rawGet(url, "/");
    assertThat(first.status()).as(first.text()).isEqualTo(503);
    assertThat(first.text()).containsIgnoringCase("starting");
    PreviewTestClient.Raw page = PreviewTestClient.awaitPage(url);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(client.awaitEvent(blog, "preview_ready", 1)).isNotNull();
    assertThat(
            api.get(blog.project() + "/preview", user.accessToken())
                .json()
                .get("status")
                .asString())
        .isEqualTo("ready");
  }
}
