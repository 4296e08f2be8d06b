package dev.kiln.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows, one relay thread per process. Each round locks a batch of due
 * rows with {@code for update skip locked} (so relays of several processes share the work without
 * publishing a row twice), sends them, waits for Kafka's acknowledgements and, in the same
 * transaction, marks the acknowledged rows published and the others failed with a growing backoff.
 * A crash before that commit publishes the batch again: at least once.
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
  private static final int MAX_ERROR_LENGTH = 1000;
  private static final TypeReference<LinkedHashMap<String, String>> HEADERS =
      new TypeReference<>() {};

  /** A row due for publication. */
  record Row(long id, String topic, String key, String payload, Map<String, String> headers) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final KafkaOperations<String, String> kafka;
  private final JsonMapper json;
  private final OutboxSettings settings;
  private final Runnable onStop;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;
  private Instant nextPurge = Instant.EPOCH;

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate tx,
      KafkaOperations<String, String> kafka,
      JsonMapper json,
      OutboxSettings settings,
      Runnable onStop) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.kafka = kafka;
    this.json = json;
    this.settings = settings;
    this.onStop = onStop;
  }

  /** Makes the relay look for rows now instead of at its next poll; never blocks. */
  void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("kiln-outbox-relay").start(this::loop);
  }

  @Override
  public synchronized void stop() {
    running = false;
    wake();
    try {
      thread.join(settings.sendTimeout().plusSeconds(1).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onStop.run();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the web server, so messages of requests finishing a graceful shutdown go out. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  private void loop() {
    while (running) {
      try {
        if (relayBatch() < settings.batchSize()) {
          purgeIfDue();
          wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Outbox relay round failed; retrying", e);
        sleepQuietly(settings.pollInterval());
      }
    }
  }

  /** Publishes one batch of due rows; returns how many rows it handled (0 when none was due). */
  int relayBatch() {
    Integer handled =
        tx.execute(
            status -> {
              List<Row> rows = lockDueRows();
              if (!rows.isEmpty()) {
                Map<Long, String> outcomes = publish(rows);
                markPublished(outcomes);
                outcomes.forEach(
                    (id, error) -> {
                      if (error != null) {
                        markFailed(id, error);
                      }
                    });
              }
              return rows.size();
            });
    return handled == null ? 0 : handled;
  }

  private List<Row> lockDueRows() {
    return jdbc.sql(
            "select id, topic, key, payload, headers::text from outbox"
                + " where published_at is null and next_attempt_at <= clock_timestamp()"
                + " order by id limit ? for update skip locked")
        .param(settings.batchSize())
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    json.readValue(rs.getString(5), HEADERS)))
        .list();
  }

  /**
   * Sends the rows and waits for the acknowledgements; returns the rows sent, each with its error
   * (null when acknowledged). A send blocks while the broker cannot be reached, so sending stops at
   * the first such failure or when the send timeout is up; the rows not sent stay as they were.
   */
  private Map<Long, String> publish(List<Row> rows) {
    Map<Long, CompletableFuture<?>> sent = new LinkedHashMap<>();
    Map<Long, String> outcomes = new LinkedHashMap<>();
    long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
    for (Row row : rows) {
      if (System.nanoTime() > deadline) {
        break;
      }
      CompletableFuture<?> future;
      try {
        future = kafka.send(record(row));
      } catch (RuntimeException e) {
        outcomes.put(row.id(), describe(e));
        continue;
      }
      sent.put(row.id(), future);
      if (unreachable(future)) {
        break;
      }
    }
    sent.forEach(
        (id, future) -> {
          outcomes.put(id, await(future, deadline));
        });
    return outcomes;
  }

  /** Whether the send already failed because the broker or topic could not be reached in time. */
  private static boolean unreachable(CompletableFuture<?> future) {
    if (!future.isCompletedExceptionally()) {
      return false;
    }
    for (Throwable e = future.exceptionNow(); e != null; e = e.getCause()) {
      if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static ProducerRecord<String, String> record(Row row) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(row.topic(), null, row.key(), row.payload());
    row.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    record
        .headers()
        .add(Outbox.ID_HEADER, Long.toString(row.id()).getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /** Null when acknowledged, else what went wrong. */
  private static String await(CompletableFuture<?> future, long deadlineNanos) {
    try {
      future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return null;
    } catch (ExecutionException e) {
      return describe(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      future.cancel(false);
      return "No acknowledgement from Kafka in time";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Interrupted while waiting for Kafka";
    }
  }

  private void markPublished(Map<Long, String> outcomes) {
    List<Long> ids =
        outcomes.entrySet().stream()
            .filter(o -> o.getValue() == null)
            .map(Map.Entry::getKey)
            .toList();
    if (!ids.isEmpty()) {
      jdbc.sql("update outbox set published_at = clock_timestamp() where id in (:ids)")
          .param("ids", ids)
          .update();
    }
  }

  private void markFailed(long id, String error) {
    log.warn("Outbox row {} not published: {}", id, error);
    jdbc.sql(
            "update outbox set attempts = attempts + 1, last_error = :error,"
                + " next_attempt_at = clock_timestamp() + least("
                + "   make_interval(secs => :first * power(2, least(attempts, 30))),"
                + "   make_interval(secs => :max))"
                + " where id = :id")
        .param("error", error)
        .param("first", FIRST_RETRY.toMillis() / 1000.0)
        .param("max", settings.maxBackoff().toMillis() / 1000.0)
        .param("id", id)
        .update();
  }

  private void purgeIfDue() {
    Instant now = Instant.now();
    if (now.isBefore(nextPurge)) {
      return;
    }
    nextPurge = now.plus(PURGE_EVERY);
    int deleted =
        jdbc.sql(
                "delete from outbox where id in (select id from outbox where published_at"
                    + " < clock_timestamp() - make_interval(secs => ?) limit 10000)")
            .param(settings.retention().toSeconds())
            .update();
    if (deleted > 0) {
      log.debug("Deleted {} published outbox rows", deleted);
    }
  }

  /** The exception and its root cause, which says what Kafka refused. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (root != e) {
      text += "; caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
