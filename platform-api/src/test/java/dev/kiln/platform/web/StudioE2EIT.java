package dev.kiln.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.BrowserScript;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The studio end to end, in Debian's Chromium against the real running Kiln (template engine, the
 * built-in plugins, the verified build and the live preview in Docker sandboxes): sign up, create a
 * project from a prompt, watch its stages complete, see the app in the preview, ask for a
 * follow-up, see the diff, restore; a viewer invited to the org can read but not edit. The run
 * saves a screenshot of each main screen in {@code target/studio-screenshots} (the ones in
 * docs/studio.md come from it).
 */
@KilnIntegrationTest
@TestPropertySource(
    properties = {
      "kiln.preview.follow-versions=true",
      "kiln.auth.bcrypt-strength=4",
      "kiln.billing.free-monthly-credits=1000"
    })
class StudioE2EIT {

  static final Path SCREENSHOTS = Path.of("target/studio-screenshots").toAbsolutePath();

  @LocalServerPort int port;

  @Test
  void aTeamGoesFromSignUpToAVerifiedPreviewAndAViewerCannotEdit() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("studioUrl", "http://localhost:" + port);
    config.put("screenshots", SCREENSHOTS.toString());
    config.put("owner", Map.of("name", "Olivia Owner", "email", "olivia@example.com"));
    config.put("viewer", Map.of("name", "Victor Viewer", "email", "victor@example.com"));
    config.put("password", "a long enough password");
    config.put("projectName", "Kanban");
    config.put("prompt", "a kanban board with boards, columns and tasks");
    config.put("followUp", "add a due date to tasks");
    config.put("expectInPreview", "Tasks");
    config.put("expectInDiff", "due");

    JsonNode result = BrowserScript.run("studio-e2e.mjs", config, Duration.ofMinutes(25));

    List<String> steps = new ArrayList<>();
    result.get("steps").forEach(s -> steps.add(s.get("name").asString()));
    assertThat(result.get("error").isNull()).as("%s", result).isTrue();
    assertThat(steps)
        .containsSubsequence(
            "signed up",
            "project created",
            "stages completed",
            "verified",
            "preview shows the app",
            "follow-up completed",
            "diff shows the change",
            "restored",
            "viewer signed up",
            "viewer joined",
            "viewer cannot edit");
    assertThat(result.get("viewer").get("promptBoxes").asInt()).isZero();
    assertThat(result.get("viewer").get("restoreButtons").asInt()).isZero();
    assertThat(result.get("viewer").get("generations").asInt()).isPositive();
    assertThat(result.get("consoleErrors")).isEmpty();
    for (String screen :
        List.of(
            "sign-up",
            "projects",
            "new-project",
            "pipeline-running",
            "workspace",
            "checks",
            "preview",
            "diff",
            "files",
            "members",
            "credits",
            "viewer")) {
      assertThat(SCREENSHOTS.resolve(screen + ".png")).as(screen).isNotEmptyFile();
    }
  }
}
