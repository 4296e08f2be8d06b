package dev.kiln.platform.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline end to end against the running platform, as a user sees it: sign up, create a
 * project from a prompt, and the version ends verified: the built-in plugins ran (their results are
 * events), dependencies came from the cache through the egress proxy, and the app typechecked and
 * built with {@code next build} in a network-less sandbox.
 */
@KilnIntegrationTest
class GenerationBuildIT {

  @LocalServerPort int port;

  @Test
  void aPromptEndsAsAVerifiedVersion() {
    Api api = new Api(port);
    KilnFixtures fixtures = new KilnFixtures(api);
    TestUser user = fixtures.signUp("Builder");
    UUID org = user.personalOrg();
    String projects = "/api/v1/orgs/" + org + "/projects";
    Api.Response created =
        api.post(
            projects,
            user.accessToken(),
            Map.of(
                "name",
                "Clinic",
                "prompt",
                "a CRM for a dental clinic with patients, appointments and invoices"));
    assertThat(created.status()).isEqualTo(201);
    String base =
        projects
            + "/"
            + created.json().get("project").get("id").asString()
            + "/generations/"
            + created.json().get("generationId").asString();

    JsonNode generation = null;
    long deadline = System.currentTimeMillis() + 600_000;
    while (System.currentTimeMillis() < deadline) {
      generation = api.get(base, user.accessToken()).json();
      String status = generation.get("status").asString();
      if (!status.equals("queued") && !status.equals("running")) {
        break;
      }
      sleep();
    }
    JsonNode events = api.get(base + "/events?limit=1000", user.accessToken()).json();
    List<String> types = new ArrayList<>();
    List<String> plugins = new ArrayList<>();
    for (JsonNode e : events) {
      types.add(e.get("type").asString());
      if (e.get("type").asString().equals("plugin_result")) {
        plugins.add(
            e.get("data").get("plugin").asString() + "=" + e.get("data").get("status").asString());
      }
    }
    assertThat(generation.get("status").asString())
        .as(
            "%s\n%s",
            generation, events.toString().substring(0, Math.min(6000, events.toString().length())))
        .isEqualTo("succeeded");
    assertThat(plugins)
        .contains("kiln-prettier=succeeded", "kiln-eslint=succeeded", "kiln-tsc=succeeded");
    assertThat(types)
        .contains("build_progress", "build_ok", "test_result", "credits_charged")
        .doesNotContain("build_error")
        .last()
        .isEqualTo("generation_completed");

    // The build ran next build (which typechecks) and the smoke test, no separate tsc; each step's
    // command line went out while the step ran, not with the lines the step printed at its end.
    List<String> steps = new ArrayList<>();
    for (JsonNode e : events) {
      if (e.get("type").asString().equals("build_progress")) {
        List<String> lines = new ArrayList<>();
        e.get("data").get("lines").forEach(l -> lines.add(l.asString()));
        lines.stream().filter(l -> l.startsWith("$ ")).forEach(steps::add);
        if (lines.stream().anyMatch(l -> l.startsWith("$ env NODE_ENV=production"))) {
          assertThat(lines).as("next build's command line").noneMatch(l -> l.contains("Compiled"));
        }
        if (lines.stream().anyMatch(l -> l.startsWith("$ env SMOKE_OUT="))) {
          assertThat(lines).as("the smoke test's command line").noneMatch(l -> l.startsWith("ok "));
        }
      }
    }
    assertThat(steps)
        .containsExactly(
            "$ env NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 node node_modules/next/dist/bin/next build",
            "$ env SMOKE_OUT=.kiln-smoke node kiln/smoke.mjs");

    // The smoke test opened every route of the manifest in Chromium; each page passed and has a
    // screenshot, attached to the version.
    String project = projects + "/" + created.json().get("project").get("id").asString();
    String version = generation.get("version").asString();
    JsonNode manifest =
        api.get(project + "/versions/" + version + "/files/kiln/manifest.json", user.accessToken())
            .json();
    int routes = Api.JSON.readTree(manifest.get("content").asString()).get("routes").size();
    JsonNode verification =
        api.get(project + "/versions/" + version + "/verification", user.accessToken()).json();
    assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.get("step").asString()).isEqualTo("smoke");
    assertThat(verification.get("report").get("pages")).hasSize(routes);
    verification
        .get("report")
        .get("pages")
        .forEach(
            page -> {
              assertThat(page.get("ok").asBoolean()).as(page.toString()).isTrue();
              assertThat(page.get("status").asInt()).isEqualTo(200);
            });
    assertThat(verification.get("screenshots")).hasSize(routes);
    Api.Bytes png =
        api.bytes(
            verification.get("screenshots").get(0).asString(), user.accessToken(), "image/png");
    assertThat(png.status()).isEqualTo(200);
    assertThat(png.header("Content-Type")).startsWith("image/png");
    assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    JsonNode versions = api.get(project + "/versions", user.accessToken()).json();
    assertThat(versions.get(0).get("verification").asString()).isEqualTo("verified");
    assertThat(
            api.get(project + "/versions/" + version + "/screenshots/999", user.accessToken())
                .status())
        .isEqualTo(404);
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
