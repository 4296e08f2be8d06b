package dev.kiln.platform.outbox;

import dev.kiln.platform.support.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the test broker from its beginning and keeps everything it saw. */
final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  TopicReader(String topic) {
    consumer =
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
  }

  /** Polls until a record matches or the time is up; returns everything seen so far. */
  List<ConsumerRecord<String, String>> until(
      Predicate<ConsumerRecord<String, String>> done, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (seen.stream().noneMatch(done) && System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  /** Polls until at least {@code count} records were seen or the time is up. */
  void awaitCount(int count, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (seen.size() < count && System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
  }

  /** Polls for a while and returns everything seen. */
  List<ConsumerRecord<String, String>> drain(Duration duration) {
    return until(r -> false, duration);
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
