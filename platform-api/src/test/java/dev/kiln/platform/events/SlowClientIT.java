package dev.kiln.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.events.EventsClient.Received;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that stops reading fills its own queue and gets a resync, while a client of the same
 * generation keeps receiving every event promptly; the slow one then resumes from the resync's
 * {@code lastSeq} without a gap.
 */
@KilnIntegrationTest
@TestPropertySource(properties = "kiln.events.session-queue=32")
class SlowClientIT {

  private static final int EVENTS = 300;
  private static final String PADDING = "p".repeat(64 * 1024);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired GenerationEvents events;
  @Autowired MeterRegistry meters;

  @Test
  void aSlowClientGetsResyncWhileAnotherKeepsReceivingPromptly() throws Exception {
    Api api = new Api(port);
    KilnFixtures fixtures = new KilnFixtures(api);
    EventsFixtures live = new EventsFixtures(api, events);
    TestUser user = fixtures.signUp("Slow Reader");
    UUID org = user.personalOrg();
    UUID project = UUID.randomUUID();
    UUID generation = UUID.randomUUID();

    try (EventsClient slow = live.connect(port, user);
        EventsClient fast = live.connect(port, user)) {
      assertThat(slow.subscribeGeneration(org, generation, 0).type()).isEqualTo("subscribed");
      assertThat(fast.subscribeGeneration(org, generation, 0).type()).isEqualTo("subscribed");
      slow.pause();

      long[] appendedAt = new long[EVENTS + 1];
      for (int i = 1; i <= EVENTS; i++) {
        events.append(org, project, generation, "token", "codegen", Map.of("i", i, "pad", PADDING));
        appendedAt[i] = System.nanoTime();
      }

      List<Received> fastGot = fast.until(r -> r.seq() == EVENTS, WAIT);
      assertThat(fastGot).extracting(Received::seq).containsExactlyElementsOf(seqs(1, EVENTS));
      long worstMillis =
          fastGot.stream().mapToLong(r -> r.nanos() - appendedAt[(int) r.seq()]).max().orElseThrow()
              / 1_000_000;
      assertThat(worstMillis).as("slowest delivery to the reading client, ms").isLessThan(5_000);
      awaitResyncs(1);

      slow.resume();
      List<Received> slowGot = slow.until(r -> r.type().equals("resync"), WAIT);
      Received resync = slowGot.getLast();
      assertThat(resync.type()).isEqualTo("resync");
      assertThat(resync.frame().path("generationId").asString()).isEqualTo(generation.toString());
      long lastSeq = resync.frame().path("lastSeq").asLong();
      List<Received> slowEvents = slowGot.subList(0, slowGot.size() - 1);
      assertThat(slowEvents).extracting(Received::seq).containsExactlyElementsOf(seqs(1, lastSeq));
      assertThat(lastSeq).isLessThan(EVENTS);
      assertThat(slow.drain(Duration.ofMillis(500))).as("nothing after the resync").isEmpty();

      assertThat(slow.subscribeGeneration(org, generation, lastSeq).type()).isEqualTo("subscribed");
      assertThat(slow.until(r -> r.seq() == EVENTS, WAIT))
          .extracting(Received::seq)
          .containsExactlyElementsOf(seqs(lastSeq + 1, EVENTS));
    }
  }

  private void awaitResyncs(double count) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (resyncs() < count && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(resyncs()).isGreaterThanOrEqualTo(count);
  }

  private double resyncs() {
    return meters.counter("kiln.events.resyncs").count();
  }

  private static List<Long> seqs(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
