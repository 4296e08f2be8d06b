package dev.kiln.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay, bound from {@code kiln.outbox.*}.
 *
 * @param pollInterval how often the relay looks for committed rows when nothing woke it up
 * @param batchSize the most rows one relay transaction locks and publishes
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch
 * @param maxBackoff the longest wait before a row that failed to publish is tried again
 * @param retention how long published rows are kept (for inspection) before they are deleted
 */
@ConfigurationProperties("kiln.outbox")
record OutboxSettings(
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("200") int batchSize,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("1m") Duration maxBackoff,
    @DefaultValue("24h") Duration retention) {

  OutboxSettings {
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || batchSize < 1
        || sendTimeout.toMillis() < 1000
        || maxBackoff.isNegative()
        || retention.isNegative()) {
      throw new IllegalArgumentException(
          "kiln.outbox: poll-interval > 0, batch-size >= 1, send-timeout >= 1s,"
              + " max-backoff and retention >= 0");
    }
  }
}
