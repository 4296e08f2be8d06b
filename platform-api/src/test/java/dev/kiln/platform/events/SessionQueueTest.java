package dev.kiln.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionQueueTest {

  @Test
  void eventsAreBoundedAndControlWorkGoesFirst() throws Exception {
    SessionQueue<String> queue = new SessionQueue<>(2, 1);

    assertThat(queue.offerEvent("e1")).isTrue();
    assertThat(queue.offerEvent("e2")).isTrue();
    assertThat(queue.offerEvent("e3")).as("over capacity").isFalse();
    assertThat(queue.offerControl("c1")).isTrue();
    assertThat(queue.offerControl("c2")).isFalse();

    assertThat(queue.take()).isEqualTo("c1");
    assertThat(queue.take()).isEqualTo("e1");
    assertThat(queue.offerEvent("e3")).isTrue();
    assertThat(queue.take()).isEqualTo("e2");
    assertThat(queue.take()).isEqualTo("e3");
  }

  @Test
  void closingWakesTheTakerWithNullAndRefusesOffers() throws Exception {
    SessionQueue<String> queue = new SessionQueue<>(2, 2);
    CompletableFuture<String> taken =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.take();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(Duration.ofMillis(100));
    assertThat(taken).isNotDone();

    queue.close();

    assertThat(taken.get(5, TimeUnit.SECONDS)).isNull();
    assertThat(queue.offerEvent("late")).isFalse();
    assertThat(queue.offerControl("late")).isFalse();
  }
}
