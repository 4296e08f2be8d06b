package dev.kiln.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This process's live subscriptions, by generation and by project, and the routing of each event
 * consumed from {@value GenerationEvents#TOPIC} to them. Routing only offers to bounded queues, so
 * the consumer thread never waits for a client.
 */
@Component
class LiveEvents implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

  private final Map<UUID, Set<Subscription>> byGeneration = new ConcurrentHashMap<>();
  private final Map<UUID, Set<Subscription>> byProject = new ConcurrentHashMap<>();
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final JsonMapper json;

  LiveEvents(JsonMapper json) {
    this.json = json;
  }

  void register(Subscription s) {
    index(s)
        .compute(
            s.streamId(),
            (id, set) -> {
              Set<Subscription> subs = set == null ? ConcurrentHashMap.newKeySet() : set;
              subs.add(s);
              return subs;
            });
  }

  void unregister(Subscription s) {
    index(s)
        .computeIfPresent(
            s.streamId(),
            (id, set) -> {
              set.remove(s);
              return set.isEmpty() ? null : set;
            });
  }

  private Map<UUID, Set<Subscription>> index(Subscription s) {
    return s.followsProject() ? byProject : byGeneration;
  }

  /** One record of the events topic; a record that cannot be read is logged and skipped. */
  void onRecord(ConsumerRecord<String, String> record) {
    LiveEvent live;
    try {
      Header org = record.headers().lastHeader(GenerationEvents.ORG_HEADER);
      live =
          new LiveEvent(
              UUID.fromString(new String(org.value(), StandardCharsets.UTF_8)),
              json.readValue(record.value(), Event.class),
              record.value());
    } catch (RuntimeException e) {
      log.warn(
          "Skipping unreadable record {}-{}@{}",
          record.topic(),
          record.partition(),
          record.offset(),
          e);
      return;
    }
    deliver(live);
  }

  void deliver(LiveEvent live) {
    offer(byGeneration.get(live.event().generationId()), live);
    offer(byProject.get(live.event().projectId()), live);
  }

  private static void offer(Set<Subscription> subscriptions, LiveEvent live) {
    if (subscriptions != null) {
      subscriptions.forEach(s -> s.offer(live));
    }
  }

  /**
   * The consumer starts at the latest offsets; resolving them here, before anyone is told the
   * consumer is ready, means every event published after {@link #awaitAssigned} returns is seen.
   */
  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    partitions.forEach(consumer::position);
    if (!partitions.isEmpty()) {
      assigned.countDown();
    }
  }

  /** Waits until the live consumer has its partitions; false if it did not within the timeout. */
  boolean awaitAssigned(Duration timeout) {
    try {
      return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
