package dev.kiln.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The studio (module studio-ui) is served at / and on its client-side routes, while backend paths
 * keep their problems and a missing file stays a 404.
 */
@KilnIntegrationTest
class StudioRoutesIT {

  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,*/*;q=0.8");
  private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

  @LocalServerPort int port;

  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void theStudioAnswersItsOwnRoutesWithItsPage() {
    for (String path :
        new String[] {"/", "/login", "/orgs/x/projects/y", "/invitations/a-B_9", "/account/"}) {
      Api.Response page = browse(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
      assertThat(page.raw()).as(path).contains("<div id=\"root\">", "<title>Kiln Studio</title>");
      assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-cache");
      assertThat(page.header("Content-Security-Policy"))
          .as(path)
          .contains("script-src 'self'")
          .contains("frame-src http://*.preview.localhost:*")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-eval");
    }
  }

  @Test
  void backendPathsKeepTheirProblems() {
    Api.Response anonymous = api.get("/api/v1/nope", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");

    String token = new KilnFixtures(api).signUp("Studio Visitor").accessToken();
    Api.Response unknown = api.send("GET", "/api/v1/nope", token, null, BROWSER);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unknown.raw()).doesNotContain("<div id=\"root\">");

    for (String path :
        new String[] {"/actuator/nope", "/ws/anything", "/error", "/no-such-page", "/test/x"}) {
      assertThat(browse(path).raw()).as(path).doesNotContain("<div id=\"root\">");
    }
    assertThat(browse("/.well-known/jwks.json").header("Content-Type"))
        .startsWith("application/json");
  }

  @Test
  void aMissingFileStaysA404() {
    for (String path : new String[] {"/assets/missing.js", "/orgs/x/logo.png", "/favicon.ico"}) {
      Api.Response missing = browse(path);
      assertThat(missing.status()).as(path).isEqualTo(404);
      assertThat(missing.raw()).as(path).doesNotContain("<div id=\"root\">");
    }
  }

  @Test
  void theBuiltScriptsAreServedAndCachedForAYear() {
    Matcher script = SCRIPT.matcher(browse("/").raw());
    assertThat(script.find()).as("index.html loads a built script").isTrue();

    Api.Response asset = browse(script.group(1));
    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.header("Content-Type")).contains("javascript");
    assertThat(asset.header("Cache-Control")).contains("max-age=31536000", "immutable");
    assertThat(browse("/theme.js").status()).isEqualTo(200);
  }

  private Api.Response browse(String path) {
    return api.send("GET", path, null, null, BROWSER);
  }
}
