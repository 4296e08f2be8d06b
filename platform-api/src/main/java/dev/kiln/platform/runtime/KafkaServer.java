package dev.kiln.platform.runtime;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka Kiln talks to: an external cluster from configuration, or an in-process KRaft broker.
 */
final class KafkaServer implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker embedded;
  private final String bootstrapServers;

  private KafkaServer(EmbeddedKafkaKraftBroker embedded, String bootstrapServers) {
    this.embedded = embedded;
    this.bootstrapServers = bootstrapServers;
  }

  static KafkaServer choose(RuntimeSettings settings) {
    if (!settings.kafka().embedded()) {
      return new KafkaServer(null, settings.kafka().bootstrapServers());
    }
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    return new KafkaServer(broker, broker.getBrokersAsString());
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String description() {
    return embedded == null
        ? "external Kafka (" + bootstrapServers + ")"
        : "in-process KRaft broker (" + bootstrapServers + ")";
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.destroy();
    }
  }
}
