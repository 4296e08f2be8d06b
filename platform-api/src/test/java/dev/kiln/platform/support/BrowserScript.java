package dev.kiln.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Runs a browser script of {@code src/test/e2e} (Debian's Chromium driven by playwright-core, no
 * browser download) with a JSON config file and returns the JSON object it prints last.
 */
public final class BrowserScript {

  /** The scripts' folder, with their package.json and lockfile. */
  public static final Path E2E = Path.of("src/test/e2e").toAbsolutePath();

  private BrowserScript() {}

  /**
   * Runs {@code node <script> <config file>} in {@link #E2E}, its stderr shown in the test's
   * output, and parses its last stdout line.
   */
  public static JsonNode run(String script, Map<String, Object> config, Duration timeout)
      throws Exception {
    installDriver();
    Path file = Files.createTempFile("kiln-" + script, ".json");
    Files.writeString(file, Api.JSON.writeValueAsString(config));
    Process process =
        new ProcessBuilder("node", E2E.resolve(script).toString(), file.toString())
            .directory(E2E.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " did not end within " + timeout);
    }
    String last = output.strip().lines().reduce((a, b) -> b).orElse("");
    assertThat(last).as("%s output: %s", script, output).startsWith("{");
    return Api.JSON.readTree(last);
  }

  /** playwright-core from the lockfile in src/test/e2e; Chromium from Debian. */
  private static synchronized void installDriver() throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("Debian's chromium is needed (apt-get install chromium; .ci/run does)")
        .exists();
    if (Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(E2E.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0)
        .as("npm ci in %s failed: %s", E2E, log)
        .isTrue();
  }
}
