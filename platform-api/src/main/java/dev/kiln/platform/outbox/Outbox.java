package dev.kiln.platform.outbox;

import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka messages that commit, or roll back, with the caller's transaction. The relay publishes each
 * committed message at least once (a crash between Kafka's acknowledgement and the relay's commit
 * publishes it again), so consumers must be idempotent; every record carries its outbox row id in
 * the {@value #ID_HEADER} header. Messages of one key are published in the order they were
 * enqueued, except that a message whose publication failed is retried after later ones.
 */
@Component
public class Outbox {

  /** The record header holding the outbox row id, a decimal number unique per message. */
  public static final String ID_HEADER = "kiln-outbox-id";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final OutboxRelay relay;

  Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.json = json;
    this.relay = relay;
  }

  /**
   * Adds a message to the current transaction; it is published after commit and never after a
   * rollback. Needs a transaction (throws {@code IllegalTransactionStateException} without one).
   *
   * @param key the Kafka record key (records of one key go to one partition); may be null
   * @param payload the record value; never null
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(String topic, String key, String payload) {
    enqueue(topic, key, payload, Map.of());
  }

  /** As {@link #enqueue(String, String, String)}, with record headers (UTF-8 values). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(String topic, String key, String payload, Map<String, String> headers) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(headers, "headers");
    if (topic.isBlank() || headers.containsKey(ID_HEADER)) {
      throw new IllegalArgumentException("A topic is needed and " + ID_HEADER + " is reserved");
    }
    jdbc.sql("insert into outbox (topic, key, payload, headers) values (?, ?, ?, cast(? as jsonb))")
        .params(topic, key, payload, json.writeValueAsString(headers))
        .update();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wake();
          }
        });
  }
}
