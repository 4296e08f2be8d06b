package dev.kiln.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.platform.support.TestInfrastructure;
import dev.kiln.sandbox.worker.SandboxJobs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox worker over the real broker, PostgreSQL and Docker: jobs in, results and progress
 * out, duplicates and long jobs never run twice, poison jobs to the dead-letter topic.
 */
@KilnIntegrationTest
@TestPropertySource(
    properties = {
      "spring.kafka.consumer.properties.max.poll.interval.ms=6000",
      "kiln.sandbox.cache=target/sandbox-worker-it-cache",
      "kiln.sandbox.cache-max-size=0",
      "kiln.sandbox.cache-min-idle=1h",
      "kiln.sandbox.cache-evict-every=200ms"
    })
class SandboxWorkerIT {

  KafkaProducer<String, String> producer;
  KafkaConsumer<String, String> consumer;
  final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  @BeforeEach
  void connect() {
    String servers = TestInfrastructure.kafkaBootstrapServers();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    consumer.subscribe(
        List.of(SandboxJobs.COMPLETED, SandboxJobs.PROGRESS, SandboxJobs.DEAD_LETTER));
  }

  @AfterEach
  void close() {
    producer.close();
    consumer.close();
  }

  @Test
  void aJobRunsAndItsResultProgressAndArtifactsComeBack() throws Exception {
    String id = "job-" + UUID.randomUUID();
    send(
        id,
        job(
            id,
            List.of(List.of("node", "build.js"), List.of("/bin/sh", "-c", "cat out/result.txt")),
            60));
    JsonNode result = awaitCompletion(id);
    assertThat(result.get("status").asString()).isEqualTo("succeeded");
    assertThat(result.get("steps")).hasSize(2);
    assertThat(
            new String(
                Base64.getDecoder().decode(result.at("/artifacts/out~1result.txt").asString())))
        .isEqualTo("built 42\n");
    assertThat(progress(id, "output")).anyMatch(p -> p.get("text").asString().equals("built 42"));
    assertThat(progress(id, "step_started")).hasSize(2);
  }

  @Test
  void aDuplicateDeliveryDoesNotRunTheJobAgain() throws Exception {
    String id = "job-" + UUID.randomUUID();
    String job = job(id, List.of(List.of("node", "build.js")), 60);
    send(id, job);
    send(id, job);
    awaitCompletion(id);
    Thread.sleep(2000);
    poll(Duration.ofSeconds(2), r -> false);
    assertThat(progress(id, "step_started")).hasSize(1);
    assertThat(completions(id))
        .allSatisfy(c -> assertThat(c.value()).isEqualTo(completions(id).get(0).value()));
  }

  @Test
  void aJobLongerThanThePollIntervalRunsOnce() throws Exception {
    String id = "job-" + UUID.randomUUID();
    send(id, job(id, List.of(List.of("/bin/sh", "-c", "sleep 9; echo done")), 60));
    JsonNode result = awaitCompletion(id);
    assertThat(result.get("status").asString()).isEqualTo("succeeded");
    poll(Duration.ofSeconds(12), r -> false);
    assertThat(progress(id, "step_started")).hasSize(1);
  }

  @Test
  void aPoisonJobGoesToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
    String poison = "poison-" + UUID.randomUUID();
    send(poison, "{not json at all");
    ConsumerRecord<String, String> dead =
        poll(
            Duration.ofSeconds(30),
            r -> r.topic().equals(SandboxJobs.DEAD_LETTER) && poison.equals(r.key()));
    assertThat(dead).isNotNull();
    assertThat(
            new String(
                dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("Unreadable sandbox job");
    String id = "job-" + UUID.randomUUID();
    send(poison, job(id, List.of(List.of("true")), 30));
    assertThat(awaitCompletion(id).get("status").asString()).isEqualTo("succeeded");
  }

  private String job(String id, List<List<String>> commands, int wallSeconds) {
    return Api.JSON.writeValueAsString(
        Map.of(
            "jobId",
            id,
            "tenant",
            "org-1",
            "network",
            "NONE",
            "wallTimeSeconds",
            wallSeconds,
            "files",
            Map.of(
                "build.js",
                "require('fs').mkdirSync('out',{recursive:true});"
                    + "require('fs').writeFileSync('out/result.txt','built 42\\n');console.log('built 42')"),
            "commands",
            commands,
            "artifacts",
            List.of("out/result.txt")));
  }

  private void send(String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(SandboxJobs.REQUESTED, key, value)).get();
  }

  private JsonNode awaitCompletion(String id) {
    ConsumerRecord<String, String> done =
        poll(
            Duration.ofSeconds(90),
            r -> r.topic().equals(SandboxJobs.COMPLETED) && id.equals(r.key()));
    assertThat(done).as("completion of " + id).isNotNull();
    return Api.JSON.readTree(done.value());
  }

  private List<ConsumerRecord<String, String>> completions(String id) {
    return seen.stream()
        .filter(r -> r.topic().equals(SandboxJobs.COMPLETED) && id.equals(r.key()))
        .toList();
  }

  private List<JsonNode> progress(String id, String type) {
    return seen.stream()
        .filter(r -> r.topic().equals(SandboxJobs.PROGRESS) && id.equals(r.key()))
        .map(r -> Api.JSON.readTree(r.value()))
        .filter(p -> p.get("type").asString().equals(type))
        .toList();
  }

  /** Polls until a record matches (returned) or the time is up (null); keeps everything seen. */
  private ConsumerRecord<String, String> poll(
      Duration max, Predicate<ConsumerRecord<String, String>> wanted) {
    for (ConsumerRecord<String, String> r : seen) {
      if (wanted.test(r)) {
        return r;
      }
    }
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        seen.add(r);
        if (wanted.test(r)) {
          return r;
        }
      }
    }
    return null;
  }

  /** The platform evicts the dependency cache on schedule: least recently used, never fresh. */
  @Test
  void theDependencyCacheIsEvictedOnScheduleButNeverWhatWasJustUsed() throws Exception {
    java.nio.file.Path root = java.nio.file.Path.of("target/sandbox-worker-it-cache");
    for (String name : List.of("stale", "fresh")) {
      java.nio.file.Path modules =
          java.nio.file.Files.createDirectories(root.resolve(name).resolve("node_modules/pkg"));
      java.nio.file.Files.write(modules.resolve("index.js"), new byte[1024]);
      java.nio.file.Path marker = root.resolve(name).resolve(".last-used");
      java.nio.file.Files.write(marker, new byte[0]);
      if (name.equals("stale")) {
        java.nio.file.Files.setLastModifiedTime(
            marker,
            java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofDays(2))));
      }
    }
    long deadline = System.currentTimeMillis() + 10_000;
    while (java.nio.file.Files.exists(root.resolve("stale"))
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(root.resolve("stale")).doesNotExist();
    assertThat(root.resolve("fresh/node_modules/pkg/index.js")).exists();
  }
}
