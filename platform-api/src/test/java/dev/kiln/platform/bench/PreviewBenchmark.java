package dev.kiln.platform.bench;

import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Live previews over the platform's HTTP API: a prompt to the first preview ready (its first page
 * answered by the dev server in a serving sandbox; the template engine, a warm dependency cache,
 * the whole pipeline with plugins and build running meanwhile), a follow-up to the preview updated
 * (the changed files in the running dev server), and the memory of each running preview's sandbox
 * (Docker's figure for the containers on the serving network). One untimed warm-up first. Not a
 * test: run with {@code ./kiln bench preview}.
 */
public final class PreviewBenchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 5);
  private static final List<String> PROMPTS =
      List.of(
          "a kanban board with boards, columns and tasks",
          "a recipe site where users rate recipes",
          "an inventory tracker for a small warehouse",
          "a booking system for a yoga studio",
          "a blog with posts, authors and comments");
  private static final List<String> EDITS =
      List.of(
          "add a due date to tasks",
          "add a page for reports",
          "add a page for reports",
          "add a page for reports",
          "add a page for reports");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private PreviewBenchmark() {}

  public static void main(String[] args) {
    int status = 1;
    ConfigurableApplicationContext app = null;
    try {
      List<String> arguments =
          new ArrayList<>(Arrays.asList(PluginsBenchmark.arguments("kiln-bench-preview")));
      arguments.add("--kiln.preview.port=0");
      // The test resources switch this off for the other tests.
      arguments.add("--kiln.preview.follow-versions=true");
      arguments.add("--kiln.preview.max-per-org=" + (RUNS + 2));
      app =
          new SpringApplicationBuilder(KilnApplication.class).run(arguments.toArray(String[]::new));
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      run(new Api(port), PluginsBenchmark.home(app));
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      if (app != null) {
        app.close();
      }
      System.exit(status);
    }
  }

  private static void run(Api api, Path home) throws Exception {
    KilnFixtures.TestUser user = new KilnFixtures(api).signUp("Bench Previewer");
    String projects = "/api/v1/orgs/" + user.personalOrg() + "/projects";
    System.out.printf(
        "%n%d previews after a warm-up; load average %s%n", RUNS, PluginsBenchmark.loadAverage());
    Started warm = measureFirst(api, user.accessToken(), projects, "Warm-up", PROMPTS.get(0));
    awaitEvent(api, user.accessToken(), warm.generation(), "generation_completed", null);
    PluginsBenchmark.awaitBaseline(home);
    List<Double> first = new ArrayList<>();
    List<Double> updated = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      String prompt = PROMPTS.get(i % PROMPTS.size());
      Started s = measureFirst(api, user.accessToken(), projects, "Bench " + i, prompt);
      first.add(s.seconds());
      System.out.printf(
          "prompt -> preview ready: %5.1f s  (%s; load %s)%n",
          s.seconds(), prompt, PluginsBenchmark.loadAverage());
      awaitEvent(api, user.accessToken(), s.generation(), "generation_completed", null);
      Instant start = Instant.now();
      Api.Response edit =
          api.post(
              s.project() + "/generations",
              user.accessToken(),
              Map.of("prompt", EDITS.get(i % EDITS.size())));
      String followUp = s.project() + "/generations/" + edit.json().get("id").asString();
      JsonNode e =
          awaitEvent(api, user.accessToken(), followUp, "preview_updated", "generation_failed");
      if (e.get("type").asString().equals("generation_failed")) {
        System.out.printf("follow-up failed, not counted: %s%n", e.get("data"));
        continue;
      }
      double seconds =
          Duration.between(start, Instant.parse(e.get("at").asString())).toNanos() / 1e9;
      updated.add(seconds);
      System.out.printf(
          "follow-up -> preview updated: %5.2f s  (%s)%n", seconds, EDITS.get(i % EDITS.size()));
      awaitEvent(api, user.accessToken(), followUp, "generation_completed", null);
    }
    System.out.printf("%n| what | runs | min s | p50 s | max s |%n|---|---|---|---|---|%n");
    row("prompt -> first preview ready", first);
    row("follow-up -> preview updated", updated);
    System.out.printf("%nMemory of the running previews (docker stats):%n%s%n", memory());
    System.out.printf("Load average after: %s%n", PluginsBenchmark.loadAverage());
  }

  record Started(String project, String generation, double seconds) {}

  private static Started measureFirst(
      Api api, String token, String projects, String name, String prompt) throws Exception {
    Instant start = Instant.now();
    Api.Response r = api.post(projects, token, Map.of("name", name, "prompt", prompt));
    String project = projects + "/" + r.json().get("project").get("id").asString();
    String generation = project + "/generations/" + r.json().get("generationId").asString();
    JsonNode ready = awaitEvent(api, token, generation, "preview_ready", "preview_error");
    if (!ready.get("type").asString().equals("preview_ready")) {
      throw new IllegalStateException("the preview failed: " + ready);
    }
    double seconds =
        Duration.between(start, Instant.parse(ready.get("at").asString())).toNanos() / 1e9;
    return new Started(project, generation, seconds);
  }

  private static JsonNode awaitEvent(
      Api api, String token, String generation, String type, String orType)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode e : api.get(generation + "/events?limit=1000", token).json()) {
        String t = e.get("type").asString();
        if (t.equals(type) || t.equals(orType)) {
          return e;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no " + type + " for " + generation);
  }

  private static void row(String what, List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    System.out.printf(
        "| %s | %d | %.2f | %.2f | %.2f |%n",
        what,
        sorted.size(),
        sorted.getFirst(),
        sorted.get((sorted.size() - 1) / 2),
        sorted.getLast());
  }

  private static String memory() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(docker ps -q"
                    + " --filter network=kiln-serve)")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
