package dev.kiln.platform.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.platform.support.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Generations through the running platform (PostgreSQL, Kafka, the outbox, the worker, the template
 * engine, a scratch database per SQL check, the project's git repository), without the sandbox
 * build and the tool plugins: those are {@code GenerationBuildIT}'s.
 */
@KilnIntegrationTest
@TestPropertySource(properties = {"kiln.generation.build=false", "kiln.plugins.builtins=false"})
class GenerationIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;
  Api api;
  KilnFixtures fixtures;
  TestUser owner;
  TestUser editor;
  TestUser viewer;
  UUID org;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    owner = fixtures.signUp("Gen Owner");
    editor = fixtures.signUp("Gen Editor");
    viewer = fixtures.signUp("Gen Viewer");
    org = fixtures.createOrg(owner, "Generators");
    fixtures.join(owner, org, editor, "editor");
    fixtures.join(owner, org, viewer, "viewer");
  }

  String projects() {
    return "/api/v1/orgs/" + org + "/projects";
  }

  @Test
  void aPromptBecomesAVersionThroughEveryStageAndAFollowUpChangesOnlyWhatItMust() {
    Api.Response created =
        api.post(
            projects(),
            editor.accessToken(),
            Map.of("name", "Kanban", "prompt", "a kanban board with boards, columns and tasks"));
    assertThat(created.status()).isEqualTo(201);
    String project = created.json().get("project").get("id").asString();
    String first = created.json().get("generationId").asString();
    String base = projects() + "/" + project + "/generations/";

    JsonNode done = awaitFinished(base + first);
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.get("kind").asString()).isEqualTo("first");
    String v1 = done.get("version").asString();

    JsonNode events = api.get(base + first + "/events?after=0", viewer.accessToken()).json();
    List<String> timeline = new ArrayList<>();
    long seq = 0;
    for (JsonNode e : events) {
      assertThat(e.get("seq").asLong()).isEqualTo(seq + 1);
      seq = e.get("seq").asLong();
      timeline.add(
          e.get("type").asString()
              + (e.get("stage").isNull() ? "" : ":" + e.get("stage").asString()));
    }
    assertThat(timeline)
        .startsWith("generation_started")
        .contains(
            "stage_started:plan",
            "stage_complete:plan",
            "stage_complete:database",
            "stage_complete:api",
            "stage_complete:ui",
            "file_closed:files",
            "stage_complete:version",
            "stage_complete:build",
            "credits_charged")
        .endsWith("generation_completed");
    JsonNode tail =
        api.get(base + first + "/events?after=" + (seq - 1), viewer.accessToken()).json();
    assertThat(tail.size()).isEqualTo(1);

    JsonNode credits = api.get("/api/v1/orgs/" + org + "/credits", viewer.accessToken()).json();
    assertThat(credits.get("held").asLong()).isZero();
    assertThat(credits.get("balance").asLong()).isEqualTo(100 - done.get("estimate").asLong());

    String versions = projects() + "/" + project + "/versions";
    JsonNode manifest =
        api.get(versions + "/" + v1 + "/files/kiln/manifest.json", viewer.accessToken()).json();
    assertThat(manifest.get("content").asString()).contains("\"tasks\"");

    // A follow-up edit.
    Api.Response edit =
        api.post(noSlash(base), editor.accessToken(), Map.of("prompt", "add a due date to tasks"));
    assertThat(edit.status()).isEqualTo(202);
    assertThat(edit.json().get("estimate").asLong()).isPositive();
    JsonNode second = awaitFinished(base + edit.json().get("id").asString());
    assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("succeeded");
    assertThat(second.get("kind").asString()).isEqualTo("edit");
    String v2 = second.get("version").asString();
    JsonNode diff = api.get(versions + "/" + v2 + "/diff?from=" + v1, viewer.accessToken()).json();
    List<String> changed = new ArrayList<>();
    diff.forEach(c -> changed.add(c.get("path").asString()));
    assertThat(changed).contains("kiln/manifest.json").anyMatch(p -> p.contains("tasks"));
    assertThat(changed)
        .as("only what the follow-up touches changes")
        .noneMatch(p -> p.contains("boards") || p.contains("columns"))
        .doesNotContain("package.json", "package-lock.json", "app/layout.tsx");
    assertThat(diff.toString()).containsIgnoringCase("due");
    // The follow-up's modified files are patched as unified diffs, which its events carry.
    JsonNode secondEvents =
        api.get(base + edit.json().get("id").asString() + "/events", viewer.accessToken()).json();
    List<JsonNode> modified = new ArrayList<>();
    secondEvents.forEach(
        e -> {
          if (e.get("type").asString().equals("file_closed")
              && e.get("data").get("change").asString().equals("modified")) {
            modified.add(e.get("data"));
          }
        });
    assertThat(modified)
        .isNotEmpty()
        .anySatisfy(
            d -> {
              assertThat(d.get("path").asString()).isEqualTo("kiln/manifest.json");
              assertThat(d.get("diff").asString()).contains("@@ -").containsIgnoringCase("due");
            });

    // Restore the first version: a new version with its files.
    Api.Response restored =
        api.post(versions + "/" + v1 + "/restore", editor.accessToken(), Map.of());
    assertThat(restored.status()).isEqualTo(201);
    assertThat(api.get(versions, viewer.accessToken()).json().size()).isEqualTo(3);
    JsonNode back =
        api.get(
                versions + "/" + restored.json().get("id").asString() + "/diff?from=" + v1,
                viewer.accessToken())
            .json();
    assertThat(back.size()).isZero();
  }

  @Test
  void whatTheEngineCannotUnderstandFailsClearlyAndIsNotCharged() {
    String project = newProject("Vague", "a kanban board with boards, columns and tasks");
    String base = projects() + "/" + project + "/generations/";
    awaitFinished(base + latest(project));
    long before = balance();
    Api.Response edit =
        api.post(
            noSlash(base),
            editor.accessToken(),
            Map.of("prompt", "make it feel more purple-ish somehow"));
    JsonNode failed = awaitFinished(base + edit.json().get("id").asString());
    assertThat(failed.get("status").asString()).isEqualTo("failed");
    assertThat(failed.get("error").asString()).isNotBlank();
    assertThat(balance()).isEqualTo(before);
    JsonNode events =
        api.get(base + edit.json().get("id").asString() + "/events", viewer.accessToken()).json();
    assertThat(events.get(events.size() - 1).get("type").asString()).isEqualTo("generation_failed");
  }

  @Test
  void rolesAndCancelAndOneGenerationAtATime() {
    Api.Response created = api.post(projects(), editor.accessToken(), Map.of("name", "Busy"));
    String project = created.json().get("project").get("id").asString();
    String base = projects() + "/" + project + "/generations";
    assertThat(api.post(base, viewer.accessToken(), Map.of("prompt", "a blog")).status())
        .isEqualTo(403);
    assertThat(api.post(base, editor.accessToken(), Map.of("prompt", "x")).status()).isEqualTo(400);

    Api.Response started =
        api.post(base, editor.accessToken(), Map.of("prompt", "a blog with posts and authors"));
    assertThat(started.status()).isEqualTo(202);
    Api.Response second =
        api.post(base, editor.accessToken(), Map.of("prompt", "a blog with posts and authors"));
    String id = started.json().get("id").asString();
    Api.Response cancel = api.post(base + "/" + id + "/cancel", editor.accessToken(), Map.of());
    JsonNode finished = awaitFinished(base + "/" + id);
    if (cancel.status() == 200) {
      assertThat(finished.get("status").asString()).isEqualTo("cancelled");
      assertThat(second.status()).isEqualTo(409);
    } else {
      assertThat(cancel.json().get("type").asString()).endsWith("/generation-finished");
    }
    JsonNode credits = api.get("/api/v1/orgs/" + org + "/credits", viewer.accessToken()).json();
    assertThat(credits.get("held").asLong()).isZero();
    assertThat(api.get(base + "/" + UUID.randomUUID(), viewer.accessToken()).status())
        .isEqualTo(404);
  }

  @Test
  void duplicatesRunOnceATakenOverJobCompletesAndPoisonGoesToTheDeadLetterTopic() throws Exception {
    String project = newProject("Redelivered", "a recipe site where users rate recipes");
    String gen = latest(project);
    String base = projects() + "/" + project + "/generations/";
    awaitFinished(base + gen);
    String job =
        "{\"generationId\":\""
            + gen
            + "\",\"orgId\":\""
            + org
            + "\",\"projectId\":\""
            + project
            + "\"}";
    try (KafkaProducer<String, String> producer = producer();
        KafkaConsumer<String, String> dlt = consumer("kiln.generation.requested-dlt")) {
      // A duplicate of a finished job does nothing.
      producer.send(new ProducerRecord<>("kiln.generation.requested", project, job)).get();
      // A job whose worker died (running, lease expired) is taken over and completes.
      Api.Response edit =
          api.post(noSlash(base), editor.accessToken(), Map.of("prompt", "add a page for reports"));
      String second = edit.json().get("id").asString();
      awaitFinished(base + second);
      int reset =
          new dev.kiln.platform.support.AppSql(tx, jdbc)
              .inOrg(
                  org,
                  () ->
                      jdbc.sql(
                              "update generations set status = 'running',"
                                  + " claimed_until = now() - interval '1 minute',"
                                  + " finished_at = null where id = ?::uuid")
                          .param(second)
                          .update());
      assertThat(reset).isEqualTo(1);
      producer
          .send(
              new ProducerRecord<>("kiln.generation.requested", project, job.replace(gen, second)))
          .get();
      JsonNode takenOver = awaitFinished(base + second);
      assertThat(takenOver.get("status").asString()).isIn("succeeded", "failed");
      assertThat(count(base + second, "generation_started"))
          .as("the job whose worker died is run again")
          .isEqualTo(2);
      // Poison: unreadable, then the partition keeps moving.
      producer.send(new ProducerRecord<>("kiln.generation.requested", project, "{not json")).get();
      List<String> dead = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 30_000;
      while (dead.stream().noneMatch(v -> v.equals("{not json"))
          && System.currentTimeMillis() < deadline) {
        dlt.poll(Duration.ofMillis(500)).forEach(r -> dead.add(r.value()));
      }
      assertThat(dead).contains("{not json");
    }
    assertThat(count(base + gen, "generation_started"))
        .as("the duplicate must not run again")
        .isEqualTo(1);
    String next =
        api.post(noSlash(base), editor.accessToken(), Map.of("prompt", "add a page for stats"))
            .json()
            .get("id")
            .asString();
    assertThat(awaitFinished(base + next).get("status").asString()).isIn("succeeded", "failed");
  }

  private static String noSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private long count(String generation, String type) {
    long n = 0;
    for (JsonNode e : api.get(generation + "/events", viewer.accessToken()).json()) {
      if (e.get("type").asString().equals(type)) {
        n++;
      }
    }
    return n;
  }

  private String newProject(String name, String prompt) {
    Api.Response created =
        api.post(projects(), editor.accessToken(), Map.of("name", name, "prompt", prompt));
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("project").get("id").asString();
  }

  private String latest(String project) {
    return api.get(projects() + "/" + project + "/generations", viewer.accessToken())
        .json()
        .get(0)
        .get("id")
        .asString();
  }

  private long balance() {
    return api.get("/api/v1/orgs/" + org + "/credits", viewer.accessToken())
        .json()
        .get("balance")
        .asLong();
  }

  private JsonNode awaitFinished(String path) {
    long deadline = System.currentTimeMillis() + 120_000;
    JsonNode g = null;
    while (System.currentTimeMillis() < deadline) {
      g = api.get(path, viewer.accessToken()).json();
      String status = g.get("status").asString();
      if (!status.equals("queued") && !status.equals("running")) {
        return g;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("the generation did not finish: " + g);
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  private static KafkaConsumer<String, String> consumer(String topic) {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
