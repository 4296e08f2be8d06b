package dev.kiln.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Event streams on the real PostgreSQL: append, replay, seq under contention, tenant isolation. */
@KilnIntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=20")
class GenerationEventsIT {

  @LocalServerPort int port;
  @Autowired GenerationEvents events;
  @Autowired TransactionTemplate tx;

  UUID org;
  UUID otherOrg;
  UUID project = UUID.randomUUID();
  UUID generation = UUID.randomUUID();

  @BeforeEach
  void orgs() {
    KilnFixtures fixtures = new KilnFixtures(new Api(port));
    org = fixtures.signUp("Stream Owner").personalOrg();
    otherOrg = fixtures.signUp("Stream Other").personalOrg();
  }

  @Test
  void appendedEventsReplayAfterAnySeq() {
    events.append(org, project, generation, "generation_started", null, null);
    for (int i = 1; i <= 4; i++) {
      events.append(org, project, generation, "token", "codegen", Map.of("text", "t" + i, "i", i));
    }

    List<Event> all = events.after(org, generation, 0, 100);
    assertThat(all).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(all.getFirst().type()).isEqualTo("generation_started");
    assertThat(all.getFirst().data()).isEmpty();
    assertThat(all.get(2).data()).containsEntry("text", "t2").containsEntry("i", 2);
    assertThat(all).allSatisfy(e -> assertThat(e.projectId()).isEqualTo(project));
    assertThat(events.after(org, generation, 3, 100))
        .extracting(Event::seq)
        .containsExactly(4L, 5L);
    assertThat(events.after(org, generation, 1, 2)).extracting(Event::seq).containsExactly(2L, 3L);
    assertThat(events.after(org, generation, 5, 100)).isEmpty();
  }

  @Test
  void theReturnedEventIsWhatIsStored() {
    Event appended =
        events.append(
            org, project, generation, "build_error", "build", Map.of("file", "a.ts", "line", 3));

    assertThat(events.after(org, generation, 0, 10)).containsExactly(appended);
  }

  @Test
  void anotherOrgSeesNothingAndCannotAppendToTheStream() {
    events.append(org, project, generation, "generation_started", null, Map.of());

    assertThat(events.after(otherOrg, generation, 0, 100)).isEmpty();
    assertThatThrownBy(
            () -> events.append(otherOrg, project, generation, "token", "codegen", Map.of()))
        .isInstanceOf(EventProblems.StreamMismatch.class);
    assertThatThrownBy(
            () -> events.append(org, UUID.randomUUID(), generation, "token", "codegen", Map.of()))
        .isInstanceOf(EventProblems.StreamMismatch.class);
    assertThat(events.after(org, generation, 0, 100)).hasSize(1);
  }

  @Test
  void onlyKnownTypesAndBoundedDataAreAccepted() {
    assertThatThrownBy(() -> events.append(org, project, generation, "tokens", null, Map.of()))
        .isInstanceOf(EventProblems.UnknownEventType.class)
        .hasMessageContaining("tokens");
    assertThatThrownBy(
            () ->
                events.append(
                    org,
                    project,
                    generation,
                    "token",
                    null,
                    Map.of("text", "x".repeat(GenerationEvents.MAX_DATA_BYTES))))
        .isInstanceOf(EventProblems.EventTooLarge.class);
    for (EventType type : EventType.values()) {
      events.append(org, project, generation, type.id(), null, Map.of());
    }
    assertThat(events.after(org, generation, 0, 100)).hasSize(EventType.values().length);
  }

  @Test
  void seqIsStrictlyIncreasingUnderTwentyConcurrentAppenders() throws Exception {
    int appenders = 20;
    int each = 25;
    List<Future<List<Long>>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(appenders)) {
      for (int a = 0; a < appenders; a++) {
        results.add(
            pool.submit(
                () -> {
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    seqs.add(events.append(org, project, generation, "token", "c", null).seq());
                  }
                  return seqs;
                }));
      }
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> r : results) {
      List<Long> mine = r.get();
      assertThat(mine).isSorted().doesNotHaveDuplicates();
      all.addAll(mine);
    }
    assertThat(all).hasSize(appenders * each).doesNotHaveDuplicates();
    assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow())
        .isEqualTo(appenders * each);
    assertThat(events.after(org, generation, 0, 1000))
        .extracting(Event::seq)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, appenders * each).boxed().toList());
  }

  @Test
  void anAppendJoinsTheCallersTransactionAndARollbackGivesItsSeqBack() {
    events.append(org, project, generation, "generation_started", null, null);
    tx.executeWithoutResult(
        s -> {
          events.append(org, project, generation, "token", "c", Map.of("lost", true));
          s.setRollbackOnly();
        });
    Event next = events.append(org, project, generation, "token", "c", Map.of("kept", true));

    assertThat(next.seq()).isEqualTo(2);
    assertThat(events.after(org, generation, 0, 10))
        .extracting(e -> e.data().keySet())
        .containsExactly(java.util.Set.of(), java.util.Set.of("kept"));
  }

  @Test
  void aTransactionWorkingForAnotherOrgCannotAppend() {
    assertThatThrownBy(
            () ->
                TenantContext.callAs(
                    otherOrg,
                    () ->
                        tx.execute(
                            s -> events.append(org, project, generation, "token", null, null))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(events.after(org, generation, 0, 10)).isEmpty();
  }

  @Test
  void aProjectsEventsPageInAppendOrderAcrossGenerations() {
    Instant start = Instant.now().minusSeconds(1);
    UUID second = UUID.randomUUID();
    List<Event> appended = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      appended.add(
          events.append(org, project, i % 2 == 0 ? generation : second, "token", "c", null));
    }
    events.append(org, UUID.randomUUID(), UUID.randomUUID(), "token", "c", null);

    List<Event> firstPage =
        events.afterForProject(org, project, GenerationEvents.ProjectCursor.since(start), 4);
    List<Event> secondPage =
        events.afterForProject(
            org, project, GenerationEvents.ProjectCursor.after(firstPage.getLast()), 4);
    List<Event> all = new ArrayList<>(firstPage);
    all.addAll(secondPage);
    assertThat(all).containsExactlyElementsOf(appended);
    assertThat(
            events.afterForProject(
                otherOrg, project, GenerationEvents.ProjectCursor.since(start), 10))
        .isEmpty();
  }
}
