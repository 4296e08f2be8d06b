package dev.kiln.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.platform.support.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against the real PostgreSQL and broker: what commits is published with its headers,
 * what rolls back never is, a record Kafka refuses is retried without holding up the others, and
 * relays of several processes never publish a row twice.
 */
@KilnIntegrationTest
class OutboxIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired Outbox outbox;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient app;
  @Autowired JsonMapper json;
  @Autowired OutboxSettings settings;
  @Autowired OutboxRelay appRelay;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  final List<AutoCloseable> closing = new ArrayList<>();
  String topic;

  @BeforeEach
  void freshTopic() {
    topic = "kiln.test.outbox-" + UUID.randomUUID();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing.reversed()) {
      c.close();
    }
  }

  @Test
  void aCommittedMessageIsPublishedOnceWithItsKeyAndHeaders() {
    tx.executeWithoutResult(
        s -> outbox.enqueue(topic, "key-1", "{\"hello\":1}", Map.of("kiln-test", "yes")));
    TopicReader reader = reader(topic);

    List<ConsumerRecord<String, String>> seen =
        reader.until(r -> r.value().equals("{\"hello\":1}"), WAIT);
    assertThat(seen).hasSize(1);
    ConsumerRecord<String, String> record = seen.getFirst();
    assertThat(record.key()).isEqualTo("key-1");
    assertThat(TopicReader.header(record, "kiln-test")).isEqualTo("yes");
    long id = Long.parseLong(TopicReader.header(record, Outbox.ID_HEADER));
    assertThat(
            owner()
                .sql("select published_at is not null from outbox where id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(reader.drain(Duration.ofMillis(500))).hasSize(1);
  }

  @Test
  void aRolledBackTransactionPublishesNothing() {
    tx.executeWithoutResult(
        s -> {
          outbox.enqueue(topic, "k", "rolled back");
          s.setRollbackOnly();
        });
    tx.executeWithoutResult(s -> outbox.enqueue(topic, "k", "marker"));

    List<ConsumerRecord<String, String>> seen =
        reader(topic).until(r -> r.value().equals("marker"), WAIT);
    assertThat(seen).extracting(ConsumerRecord::value).containsExactly("marker");
    assertThat(
            owner()
                .sql("select count(*) from outbox where topic = ? and payload = 'rolled back'")
                .param(topic)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void enqueueingNeedsATransaction() {
    assertThatThrownBy(() -> outbox.enqueue(topic, "k", "no transaction"))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aRecordKafkaRefusesIsRetriedWithoutHoldingUpTheOthers() throws Exception {
    Admin admin = admin();
    admin
        .createTopics(
            List.of(
                new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2048"))))
        .all()
        .get();
    String big = "x".repeat(8_000);
    tx.executeWithoutResult(
        s -> {
          outbox.enqueue(topic, "k", big);
          outbox.enqueue(topic, "k", "small");
        });
    TopicReader reader = reader(topic);

    assertThat(reader.until(r -> r.value().equals("small"), WAIT))
        .extracting(ConsumerRecord::value)
        .containsExactly("small");
    awaitFailedAttempts(2);
    assertThat(lastError()).contains("RecordTooLarge");

    admin
        .incrementalAlterConfigs(
            Map.of(
                new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(
                    new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"),
                        AlterConfigOp.OpType.SET))))
        .all()
        .get();

    List<ConsumerRecord<String, String>> seen = reader.until(r -> r.value().equals(big), WAIT);
    assertThat(seen).extracting(ConsumerRecord::value).containsExactly("small", big);
    assertThat(reader.drain(Duration.ofMillis(500))).hasSize(2);
  }

  @Test
  void aBrokerOutageFailsABatchQuicklyAndItsRowsGoOutOnceKafkaAnswers() {
    int rows = 50;
    appRelay.stop();
    try {
      tx.executeWithoutResult(
          s -> {
            for (int i = 0; i < rows; i++) {
              outbox.enqueue(topic, "k", "m" + i);
            }
          });
      OutboxSettings quick =
          new OutboxSettings(
              Duration.ofMillis(100),
              200,
              Duration.ofSeconds(2),
              Duration.ofMillis(100),
              Duration.ofHours(1));
      OutboxRelay cutOff = relay("127.0.0.1:1", quick);

      long started = System.nanoTime();
      assertThat(cutOff.relayBatch()).isEqualTo(rows);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
      Map<String, Object> state =
          owner()
              .sql(
                  "select count(*) filter (where published_at is not null) as published,"
                      + " count(*) filter (where attempts > 0) as failed,"
                      + " max(last_error) as error from outbox where topic = ?")
              .param(topic)
              .query()
              .singleRow();
      assertThat(state.get("published")).isEqualTo(0L);
      assertThat((Long) state.get("failed")).isBetween(1L, 3L);
      assertThat((String) state.get("error")).contains("TimeoutException");
    } finally {
      appRelay.start();
    }

    TopicReader reader = reader(topic);
    reader.awaitCount(rows, WAIT);
    assertThat(reader.drain(Duration.ofSeconds(1)))
        .extracting(ConsumerRecord::value)
        .hasSize(rows)
        .doesNotHaveDuplicates();
  }

  @Test
  void relaysOfSeveralProcessesPublishEveryRowExactlyOnce() {
    for (int i = 0; i < 2; i++) {
      OutboxRelay other = otherProcessRelay();
      other.start();
      closing.add(other::stop);
    }
    int rows = 600;
    for (int batch = 0; batch < 6; batch++) {
      int first = batch * 100;
      tx.executeWithoutResult(
          s -> {
            for (int i = first; i < first + 100; i++) {
              outbox.enqueue(topic, "k" + (i % 7), "m" + i);
            }
          });
    }
    TopicReader reader = reader(topic);

    reader.awaitCount(rows, WAIT);
    List<ConsumerRecord<String, String>> seen = reader.drain(Duration.ofSeconds(1));
    assertThat(seen).hasSize(rows);
    assertThat(seen.stream().map(ConsumerRecord::value).distinct()).hasSize(rows);
    assertThat(seen.stream().map(r -> TopicReader.header(r, Outbox.ID_HEADER)).distinct())
        .hasSize(rows);
  }

  /** A relay like another process's: its own producer, the same database. */
  private OutboxRelay otherProcessRelay() {
    return relay(TestInfrastructure.kafkaBootstrapServers(), settings);
  }

  private OutboxRelay relay(String bootstrapServers, OutboxSettings relaySettings) {
    int timeout = (int) relaySettings.sendTimeout().toMillis();
    DefaultKafkaProducerFactory<String, String> producers =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeout / 2,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeout / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeout));
    closing.add(producers::destroy);
    return new OutboxRelay(app, tx, new KafkaTemplate<>(producers), json, relaySettings, () -> {});
  }

  private void awaitFailedAttempts(int attempts) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (failedAttempts() < attempts && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(failedAttempts()).isGreaterThanOrEqualTo(attempts);
  }

  private int failedAttempts() {
    return owner()
        .sql(
            "select coalesce(max(attempts), 0) from outbox where topic = ? and published_at is null")
        .param(topic)
        .query(Integer.class)
        .single();
  }

  private String lastError() {
    return owner()
        .sql("select last_error from outbox where topic = ? and attempts > 0")
        .param(topic)
        .query(String.class)
        .single();
  }

  private TopicReader reader(String name) {
    TopicReader reader = new TopicReader(name);
    closing.add(reader);
    return reader;
  }

  private Admin admin() {
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()));
    closing.add(admin);
    return admin;
  }

  private JdbcClient owner() {
    return JdbcClient.create(ownerDataSource);
  }
}
