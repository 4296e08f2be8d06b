package dev.kiln.platform.sandbox;

import dev.kiln.sandbox.SandboxSettings;
import dev.kiln.sandbox.worker.SandboxJobs;
import dev.kiln.sandbox.worker.SandboxWorker;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox worker, in any process playing the {@code sandbox} role; its topics; and the listener
 * error handling: a record that throws goes to {@code <topic>-dlt} with the exception in its
 * headers, without retries, and the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
class SandboxWorkerConfiguration {

  private static final int PARTITIONS = 3;

  @Bean
  @Conditional(SandboxRole.class)
  SandboxWorker sandboxWorker(
      SandboxConfiguration.SandboxChoice choice,
      SandboxSettings settings,
      JdbcClient jdbc,
      Clock clock,
      KafkaTemplate<String, String> kafka,
      JsonMapper json) {
    return new SandboxWorker(choice.backend(), settings.image(), jdbc, clock, kafka, json);
  }

  @Bean
  CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            kafka, (record, e) -> new TopicPartition(record.topic() + "-dlt", -1));
    return new DefaultErrorHandler(recoverer, new FixedBackOff(0L, 0L));
  }

  @Bean
  NewTopic sandboxRequested() {
    return TopicBuilder.name(SandboxJobs.REQUESTED).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic sandboxCompleted() {
    return TopicBuilder.name(SandboxJobs.COMPLETED).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic sandboxProgress() {
    return TopicBuilder.name(SandboxJobs.PROGRESS).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic sandboxDeadLetter() {
    return TopicBuilder.name(SandboxJobs.DEAD_LETTER).partitions(1).build();
  }
}
