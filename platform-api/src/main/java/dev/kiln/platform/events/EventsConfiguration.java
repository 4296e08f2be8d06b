package dev.kiln.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events topic; in API processes, the live consumer (a consumer group of its own per process,
 * from the latest offsets, committing nothing: every process sees every event, and what it missed
 * while down is replayed from PostgreSQL) and the WebSocket endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EventsConfiguration implements WebSocketConfigurer {

  static final String PATH = "/api/v1/ws";
  private static final int PARTITIONS = 3;

  private final EventSocketHandler handler;
  private final TicketHandshake handshake;
  private final EventsSettings settings;

  EventsConfiguration(
      LiveEvents live,
      GenerationEvents events,
      OrgMembership members,
      WsTickets tickets,
      JsonMapper json,
      EventsSettings settings,
      Clock clock,
      MeterRegistry meters) {
    Counter resyncs =
        Counter.builder("kiln.events.resyncs")
            .description("Subscriptions dropped with a resync because their client fell behind")
            .register(meters);
    this.handler =
        new EventSocketHandler(
            new EventSession.Wiring(live, events, members, json, settings, clock, resyncs));
    this.handshake = new TicketHandshake(tickets, json);
    this.settings = settings;
    Gauge.builder("kiln.events.sessions", handler, EventSocketHandler::sessionCount)
        .description("Open live events WebSocket connections")
        .register(meters);
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(handler, PATH)
        .addInterceptors(handshake)
        .setAllowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new));
  }

  @Bean
  NewTopic eventsTopic() {
    return TopicBuilder.name(GenerationEvents.TOPIC).partitions(PARTITIONS).build();
  }

  @Bean
  @Conditional(ApiRole.class)
  KafkaMessageListenerContainer<String, String> liveEventsConsumer(
      ConsumerFactory<?, ?> consumers, LiveEvents live) {
    Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "kiln-events-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    ContainerProperties properties = new ContainerProperties(GenerationEvents.TOPIC);
    properties.setAckMode(ContainerProperties.AckMode.MANUAL);
    properties.setMessageListener(
        (AcknowledgingMessageListener<String, String>) (record, ack) -> live.onRecord(record));
    properties.setConsumerRebalanceListener(live);
    properties.setClientId("kiln-live-events");
    KafkaMessageListenerContainer<String, String> container =
        new KafkaMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<String, String>(config), properties);
    container.setCommonErrorHandler(new CommonLoggingErrorHandler());
    return container;
  }
}
