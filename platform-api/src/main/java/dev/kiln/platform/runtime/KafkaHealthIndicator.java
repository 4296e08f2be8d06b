package dev.kiln.platform.runtime;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the cluster answers a describe within a few seconds, with its id and broker count. */
final class KafkaHealthIndicator extends AbstractHealthIndicator {

  private static final long TIMEOUT_SECONDS = 3;

  private final Admin admin;
  private final KafkaServer server;

  KafkaHealthIndicator(Admin admin, KafkaServer server) {
    super("Kafka health check failed");
    this.admin = admin;
    this.server = server;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster = admin.describeCluster();
    String clusterId = cluster.clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    int brokers = cluster.nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
    builder
        .up()
        .withDetail("kafka", server.description())
        .withDetail("clusterId", clusterId)
        .withDetail("brokers", brokers);
  }
}
