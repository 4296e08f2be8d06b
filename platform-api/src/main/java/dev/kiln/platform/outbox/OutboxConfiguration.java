package dev.kiln.platform.outbox;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay and its own producer: the application's Kafka settings (acks=all, idempotent), with
 * timeouts short enough that an unreachable broker fails a batch instead of stalling the relay.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  @Bean
  OutboxRelay outboxRelay(
      JdbcClient jdbc,
      TransactionTemplate tx,
      DefaultKafkaProducerFactory<String, String> producers,
      JsonMapper json,
      OutboxSettings settings) {
    int timeout = (int) settings.sendTimeout().toMillis();
    ProducerFactory<String, String> relayProducers =
        producers.copyWithConfigurationOverride(
            Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeout / 2,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeout / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeout,
                ProducerConfig.LINGER_MS_CONFIG,
                1,
                ProducerConfig.CLIENT_ID_CONFIG,
                "kiln-outbox-relay"));
    return new OutboxRelay(
        jdbc,
        tx,
        new KafkaTemplate<>(relayProducers),
        json,
        settings,
        () -> {
          if (relayProducers instanceof DefaultKafkaProducerFactory<?, ?> d) {
            d.destroy();
          }
        });
  }
}
