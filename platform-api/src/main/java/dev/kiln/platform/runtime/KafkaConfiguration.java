package dev.kiln.platform.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Points Spring Kafka at the chosen broker and watches it for health. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  @Bean(destroyMethod = "close")
  KafkaServer kafkaServer(RuntimeSettings settings) {
    return KafkaServer.choose(settings);
  }

  @Bean
  KafkaConnectionDetails kafkaConnectionDetails(KafkaServer server) {
    List<String> servers = Arrays.asList(server.bootstrapServers().split(","));
    return () -> servers;
  }

  @Bean(destroyMethod = "close")
  Admin kafkaHealthAdmin(KafkaServer server) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            server.bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            3000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            3000,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "kiln-health"));
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin, KafkaServer server) {
    return new KafkaHealthIndicator(kafkaHealthAdmin, server);
  }
}
