package dev.kiln.platform.bench;

import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Prompt to verified version over the platform's HTTP API, as a user sees it: the template engine,
 * then every stage (plan, database, API, UI, files, the built-in plugins, version, and the build:
 * {@code next build} and the smoke test in a sandbox) on a warm dependency cache. One untimed
 * warm-up generation first; then {@code bench.runs} new projects from different prompts (default 5)
 * and {@code bench.followups} follow-up edits on the kanban board (default 3), one at a time.
 * Reports min/p50/max of the wall time from the request to the client seeing {@code succeeded}, and
 * where the time went per stage, from the generation's events. Not a test: run with {@code ./kiln
 * bench generation}.
 */
public final class GenerationBenchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 5);
  private static final int FOLLOW_UPS = Integer.getInteger("bench.followups", 3);
  private static final String WARM_UP = PluginsBenchmark.PROMPT;
  private static final String KANBAN = "a kanban board with boards, columns and tasks";
  private static final List<String> PROMPTS =
      List.of(
          "a recipe site where users rate recipes",
          KANBAN,
          "an inventory tracker for a small warehouse",
          "a booking system for a yoga studio",
          "a blog with posts, authors and comments");
  private static final List<String> EDITS =
      List.of(
          "add a due date to tasks",
          "add a priority (low, medium, high) to tasks",
          "add an entity called vendors with name and email",
          "add a page for reports",
          "rename boards to projects");
  private static final List<String> STAGES =
      List.of("plan", "database", "api", "ui", "files", "plugins", "version", "build");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private GenerationBenchmark() {}

  /** One finished generation: wall time, status and the seconds each part took. */
  record Measured(String prompt, String status, long wallNanos, Map<String, Double> parts) {
    boolean succeeded() {
      return status.equals("succeeded");
    }
  }

  public static void main(String[] args) {
    int status = 1;
    ConfigurableApplicationContext app = null;
    try {
      app =
          new SpringApplicationBuilder(KilnApplication.class)
              .run(PluginsBenchmark.arguments("kiln-bench-generation"));
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      new Client(new Api(port), PluginsBenchmark.home(app)).run();
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

  /** A signed-up user driving generations through the API. */
  static final class Client {
    private final Api api;
    private final String token;
    private final String projects;
    private final Path home;

    Client(Api api, Path home) {
      this.api = api;
      this.home = home;
      KilnFixtures.TestUser user = new KilnFixtures(api).signUp("Bench Generator");
      this.token = user.accessToken();
      this.projects = "/api/v1/orgs/" + user.personalOrg() + "/projects";
    }

    void run() throws InterruptedException, IOException {
      System.out.printf(
          "%n%d new projects and %d follow-ups after a warm-up; load average %s%n",
          RUNS, FOLLOW_UPS, PluginsBenchmark.loadAverage());
      Measured warm = create("Warm-up", WARM_UP).measured();
      System.out.printf("warm-up: %s in %.1f s%n", warm.status(), warm.wallNanos() / 1e9);
      PluginsBenchmark.awaitBaseline(home);

      List<Measured> created = new ArrayList<>();
      String kanban = null;
      for (int i = 0; i < RUNS; i++) {
        String prompt = PROMPTS.get(i % PROMPTS.size());
        Created c = create("Bench " + (i + 1), prompt);
        created.add(report(c.measured()));
        if (prompt.equals(KANBAN) && c.measured().succeeded()) {
          kanban = c.project();
        }
      }
      List<Measured> edits = new ArrayList<>();
      if (kanban == null && FOLLOW_UPS > 0) {
        Created c = create("Bench kanban", KANBAN);
        kanban = c.measured().succeeded() ? c.project() : null;
      }
      for (int i = 0; kanban != null && i < FOLLOW_UPS; i++) {
        edits.add(report(followUp(kanban, EDITS.get(i % EDITS.size()))));
      }
      summary(created, edits);
      System.out.printf("%nLoad average after: %s%n", PluginsBenchmark.loadAverage());
    }

    private record Created(String project, Measured measured) {}

    private Created create(String name, String prompt) throws InterruptedException {
      long start = System.nanoTime();
      Api.Response r = api.post(projects, token, Map.of("name", name, "prompt", prompt));
      if (r.status() != 201) {
        throw new IllegalStateException(
            "Creating a project answered " + r.status() + ": " + r.raw());
      }
      String project = r.json().get("project").get("id").asString();
      String generation = r.json().get("generationId").asString();
      return new Created(project, await(project, generation, prompt, start));
    }

    private Measured followUp(String project, String prompt) throws InterruptedException {
      long start = System.nanoTime();
      Api.Response r =
          api.post(projects + "/" + project + "/generations", token, Map.of("prompt", prompt));
      if (r.status() != 202) {
        throw new IllegalStateException("A follow-up answered " + r.status() + ": " + r.raw());
      }
      return await(project, r.text("id"), "follow-up: " + prompt, start);
    }

    private Measured await(String project, String generation, String prompt, long start)
        throws InterruptedException {
      String base = projects + "/" + project + "/generations/" + generation;
      long deadline = start + TIMEOUT.toNanos();
      JsonNode g = api.get(base, token).json();
      while (!finished(g) && System.nanoTime() < deadline) {
        Thread.sleep(200);
        g = api.get(base, token).json();
      }
      long wall = System.nanoTime() - start;
      String status = g.get("status").asString();
      if (!status.equals("succeeded")) {
        System.out.printf("%s ended %s: %s%n", prompt, status, g.get("error"));
      }
      return new Measured(prompt, status, wall, Timeline.of(g, events(base)));
    }

    private static boolean finished(JsonNode g) {
      String status = g.get("status").asString();
      return !status.equals("queued") && !status.equals("running");
    }

    private List<JsonNode> events(String base) {
      List<JsonNode> all = new ArrayList<>();
      long after = 0;
      while (true) {
        JsonNode page = api.get(base + "/events?limit=1000&after=" + after, token).json();
        page.forEach(all::add);
        if (page.size() < 1000) {
          return all;
        }
        after = page.get(page.size() - 1).get("seq").asLong();
      }
    }
  }

  /** Seconds per part of a generation, read from its record and its events in order. */
  static final class Timeline {
    private static final String NEXT_BUILD = "$ env NODE_ENV=production";
    private static final String SMOKE = "$ env SMOKE_OUT=";

    private final Map<String, Double> parts = new LinkedHashMap<>();
    private String stage;
    private Instant open;
    private Instant nextBuild;
    private Instant smoke;

    private Timeline() {}

    /**
     * {@code queue} (request to {@code generation_started}); each stage from its {@code
     * stage_started} to the next one's (the build's to {@code build_ok}), skipped stages absent;
     * the build split at the {@code build_progress} events carrying the {@code next build} and the
     * smoke test's command lines (to within the 0.5 s batching of those events); {@code plugin:
     * <id>} from each {@code plugin_result}; {@code finish} from {@code build_ok} to the end;
     * {@code server total} from the request to {@code finishedAt}.
     */
    static Map<String, Double> of(JsonNode generation, List<JsonNode> events) {
      Timeline t = new Timeline();
      Instant created = instant(generation.get("createdAt"));
      for (JsonNode e : events) {
        t.event(e, created);
      }
      if (!generation.get("finishedAt").isNull()) {
        t.parts.put("server total", seconds(created, instant(generation.get("finishedAt"))));
      }
      return t.parts;
    }

    private void event(JsonNode e, Instant created) {
      Instant at = instant(e.get("at"));
      JsonNode data = e.get("data");
      switch (e.get("type").asString()) {
        case "generation_started" -> parts.put("queue", seconds(created, at));
        case "stage_started" -> {
          close(at);
          stage = e.get("stage").asString();
        }
        case "build_ok", "build_error" -> close(at);
        case "build_progress" -> {
          for (JsonNode line : data.get("lines")) {
            if (nextBuild == null && line.asString().startsWith(NEXT_BUILD)) {
              nextBuild = at;
            }
            if (smoke == null && line.asString().startsWith(SMOKE)) {
              smoke = at;
            }
          }
        }
        case "plugin_result" ->
            parts.put(
                "plugin: " + data.get("plugin").asString(), data.get("tookMs").asLong() / 1e3);
        case "generation_completed", "generation_failed" -> {
          boolean afterBuild = stage == null && open != null;
          Instant from = open;
          close(at);
          if (afterBuild) {
            parts.put("finish", seconds(from, at));
          }
        }
        default -> {}
      }
    }

    /** Ends the open stage (if any) at {@code at}; the next part starts there. */
    private void close(Instant at) {
      if (stage != null) {
        parts.put(stage, seconds(open, at));
        if (stage.equals("build") && nextBuild != null) {
          parts.put("build: install+sandbox", seconds(open, nextBuild));
          Instant built = smoke != null ? smoke : at;
          parts.put("build: next build", seconds(nextBuild, built));
          if (smoke != null) {
            parts.put("build: smoke", seconds(smoke, at));
          }
        }
      }
      stage = null;
      open = at;
    }

    private static Instant instant(JsonNode node) {
      return Instant.parse(node.asString());
    }

    private static double seconds(Instant from, Instant to) {
      return Duration.between(from, to).toNanos() / 1e9;
    }
  }

  private static Measured report(Measured m) {
    List<String> parts = new ArrayList<>();
    m.parts().forEach((k, v) -> parts.add(String.format("%s %.1f", k, v)));
    System.out.printf(
        "%s: %s in %.1f s (load %s) [%s]%n",
        m.prompt(),
        m.status(),
        m.wallNanos() / 1e9,
        PluginsBenchmark.loadAverage(),
        String.join(", ", parts));
    return m;
  }

  private static void summary(List<Measured> created, List<Measured> edits) {
    System.out.printf(
        "%n| what | runs | succeeded | min s | p50 s | max s |%n|---|---|---|---|---|---|%n");
    System.out.print(wallRow("prompt → verified", created));
    System.out.print(wallRow("follow-up → verified", edits));
    System.out.printf(
        "%nPer part, p50 s (new projects | follow-ups):%n%n| part | new | follow-up |%n|---|---|---|%n");
    List<String> names = new ArrayList<>();
    names.add("queue");
    STAGES.forEach(
        s -> {
          names.add(s);
          if (s.equals("plugins")) {
            names.addAll(
                List.of("plugin: kiln-prettier", "plugin: kiln-eslint", "plugin: kiln-tsc"));
          }
        });
    names.addAll(
        List.of(
            "build: install+sandbox",
            "build: next build",
            "build: smoke",
            "finish",
            "server total"));
    for (String name : names) {
      System.out.printf("| %s | %s | %s |%n", name, p50(created, name), p50(edits, name));
    }
  }

  private static String wallRow(String what, List<Measured> runs) {
    long[] walls =
        runs.stream().filter(Measured::succeeded).mapToLong(Measured::wallNanos).toArray();
    if (walls.length == 0) {
      return String.format("| %s | %d | 0 | - | - | - |%n", what, runs.size());
    }
    return String.format(
        "| %s | %d | %d | %.1f | %.1f | %.1f |%n",
        what,
        runs.size(),
        walls.length,
        PluginsBenchmark.quantile(walls, 0) / 1e9,
        PluginsBenchmark.quantile(walls, 0.5) / 1e9,
        PluginsBenchmark.quantile(walls, 1) / 1e9);
  }

  /** The part's p50 over the succeeded runs that had it; "-" when none did (skipped). */
  private static String p50(List<Measured> runs, String part) {
    long[] millis =
        runs.stream()
            .filter(Measured::succeeded)
            .filter(m -> m.parts().containsKey(part))
            .mapToLong(m -> Math.round(m.parts().get(part) * 1000))
            .toArray();
    return millis.length == 0
        ? "-"
        : String.format("%.1f", PluginsBenchmark.quantile(millis, 0.5) / 1e3);
  }
}
