package dev.kiln.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.events.EventsClient.Received;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live events WebSocket end to end: tickets, subscriptions, replay then live without gap or
 * duplicate across reconnects, membership, and rolled-back events.
 */
@KilnIntegrationTest
class LiveEventsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired GenerationEvents events;
  @Autowired TransactionTemplate tx;
  @Autowired LiveEvents liveEvents;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  Api api;
  KilnFixtures fixtures;
  EventsFixtures live;
  TestUser owner;
  TestUser viewer;
  UUID org;
  UUID project = UUID.randomUUID();
  UUID generation = UUID.randomUUID();
  final List<EventsClient> clients = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    live = new EventsFixtures(api, events);
    owner = fixtures.signUp("Live Owner");
    org = fixtures.createOrg(owner, "Live");
    viewer = fixtures.signUp("Live Viewer");
    fixtures.join(owner, org, viewer, "viewer");
  }

  @AfterEach
  void closeClients() {
    clients.forEach(EventsClient::close);
  }

  @Test
  void aTicketIsIssuedToTheSignedInForThirtySeconds() {
    Api.Response r = api.post("/api/v1/ws/tickets", viewer.accessToken(), null);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.text("ticket")).hasSizeGreaterThanOrEqualTo(40);
    Duration ttl = Duration.between(Instant.now(), Instant.parse(r.text("expiresAt")));
    assertThat(ttl).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
    assertThat(api.post("/api/v1/ws/tickets", null, null).status()).isEqualTo(401);
  }

  @Test
  void aTicketOpensOneConnectionAndExpires() throws Exception {
    String ticket = live.ticket(viewer);
    clients.add(EventsClient.connect(port, ticket));
    assertThat(EventsClient.handshakeStatus(port, ticket)).as("reused").isEqualTo(401);

    String expired = live.ticket(viewer);
    JdbcClient.create(ownerDataSource)
        .sql("update ws_tickets set expires_at = now() - interval '1 second'")
        .update();
    assertThat(EventsClient.handshakeStatus(port, expired)).as("expired").isEqualTo(401);
    assertThat(EventsClient.handshakeStatus(port, "")).as("missing").isEqualTo(401);
    assertThat(EventsClient.handshakeStatus(port, "not-a-ticket")).as("unknown").isEqualTo(401);
    assertThat(EventsClient.handshakeStatus(port, live.ticket(viewer))).as("fresh").isEqualTo(-1);
  }

  @Test
  void aSubscriberReceivesLiveEventsInOrder() throws Exception {
    EventsClient client = connect(viewer);
    Received subscribed = client.subscribeGeneration(org, generation, 0);
    assertThat(subscribed.type()).isEqualTo("subscribed");
    assertThat(subscribed.frame().path("generationId").asString()).isEqualTo(generation.toString());

    List<Event> appended = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      appended.add(live.token(org, project, generation, i));
    }

    List<Received> got = client.until(r -> r.seq() == 30, WAIT);
    assertThat(got).extracting(Received::seq).containsExactlyElementsOf(seqs(1, 30));
    Received third = got.get(2);
    assertThat(third.type()).isEqualTo("token");
    assertThat(third.frame().path("stage").asString()).isEqualTo("codegen");
    assertThat(third.frame().path("projectId").asString()).isEqualTo(project.toString());
    assertThat(third.frame().path("data").path("i").asInt()).isEqualTo(3);
    assertThat(Instant.parse(third.frame().path("at").asString())).isEqualTo(appended.get(2).at());
    assertThat(client.drain(Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void aReconnectWithTheLastSeqMissesNothingAndRepeatsNothing() throws Exception {
    int total = 80;
    CompletableFuture<Void> appending =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 1; i <= total; i++) {
                live.token(org, project, generation, i);
                sleep(5);
              }
            });
    EventsClient first = connect(viewer);
    first.subscribeGeneration(org, generation, 0);
    List<Received> before = first.until(r -> r.seq() >= 20, WAIT);
    first.close();
    long lastSeq = before.getLast().seq();

    EventsClient second = connect(viewer);
    assertThat(second.subscribeGeneration(org, generation, lastSeq).type()).isEqualTo("subscribed");
    List<Received> after = second.until(r -> r.seq() == total, WAIT);
    appending.join();

    assertThat(before).extracting(Received::seq).containsExactlyElementsOf(seqs(1, lastSeq));
    assertThat(after).extracting(Received::seq).containsExactlyElementsOf(seqs(lastSeq + 1, total));
    assertThat(second.drain(Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void aSubscriptionReplaysTheStoredEventsThenGoesLive() throws Exception {
    for (int i = 1; i <= 10; i++) {
      live.token(org, project, generation, i);
    }
    EventsClient client = connect(viewer);
    client.subscribeGeneration(org, generation, 4);
    for (int i = 11; i <= 15; i++) {
      live.token(org, project, generation, i);
    }

    assertThat(client.until(r -> r.seq() == 15, WAIT))
        .extracting(Received::seq)
        .containsExactlyElementsOf(seqs(5, 15));
  }

  @Test
  void aNonMemberGetsAnErrorAndNoEvents() throws Exception {
    TestUser outsider = fixtures.signUp("Live Outsider");
    EventsClient member = connect(viewer);
    member.subscribeGeneration(org, generation, 0);
    EventsClient stranger = connect(outsider);
    Received refused = stranger.subscribeGeneration(org, generation, 0);
    assertThat(refused.type()).isEqualTo("error");
    assertThat(refused.frame().path("code").asString()).isEqualTo("not-found");
    EventsClient guesser = connect(outsider);
    Received ownOrg = guesser.subscribeGeneration(outsider.personalOrg(), generation, 0);
    assertThat(ownOrg.type())
        .as("a generation id guessed under one's own org")
        .isEqualTo("subscribed");

    for (int i = 1; i <= 5; i++) {
      live.token(org, project, generation, i);
    }

    assertThat(member.until(r -> r.seq() == 5, WAIT)).hasSize(5);
    assertThat(stranger.drain(Duration.ofSeconds(1))).isEmpty();
    assertThat(guesser.drain(Duration.ZERO)).isEmpty();
  }

  @Test
  void badMessagesGetAnErrorFrameAndTheConnectionLivesOn() throws Exception {
    EventsClient client = connect(viewer);
    for (String bad :
        List.of(
            "not json",
            "{}",
            "null",
            "{\"action\":\"subscribe\"}",
            "{\"action\":\"dance\",\"generationId\":\"" + generation + "\"}",
            "{\"action\":\"subscribe\",\"orgId\":\"" + org + "\",\"generationId\":\"nope\"}",
            "{\"action\":\"subscribe\",\"orgId\":\""
                + org
                + "\",\"generationId\":\""
                + generation
                + "\",\"afterSeq\":-1}",
            "{\"action\":\"subscribe\",\"orgId\":\""
                + org
                + "\",\"generationId\":\""
                + generation
                + "\",\"extra\":1}")) {
      sendRaw(client, bad);
      Received error = client.nextControl(WAIT);
      assertThat(error.type()).as(bad).isEqualTo("error");
      assertThat(error.frame().path("code").asString()).isEqualTo("bad-message");
      assertThat(error.frame().toString()).doesNotContain("Exception").doesNotContain("at dev.");
    }
    assertThat(client.subscribeGeneration(org, generation, 0).type()).isEqualTo("subscribed");
  }

  @Test
  void anEventAppendedInARolledBackTransactionIsNeverDelivered() throws Exception {
    EventsClient client = connect(viewer);
    client.subscribeGeneration(org, generation, 0);
    live.token(org, project, generation, 1);
    tx.executeWithoutResult(
        s -> {
          events.append(org, project, generation, "token", "codegen", Map.of("rolledBack", true));
          s.setRollbackOnly();
        });
    live.token(org, project, generation, 2);

    List<Received> got = client.until(r -> r.seq() == 2, WAIT);
    assertThat(got).extracting(Received::seq).containsExactly(1L, 2L);
    assertThat(got).noneMatch(r -> r.frame().path("data").has("rolledBack"));
    assertThat(client.drain(Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void eventsMissingFromKafkaAreFilledInFromPostgresAndRedeliveriesAreDropped() throws Exception {
    EventsClient client = connect(viewer);
    client.subscribeGeneration(org, generation, 0);
    JdbcClient owner = JdbcClient.create(ownerDataSource);
    owner
        .sql(
            "insert into generation_streams (generation_id, org_id, project_id, last_seq)"
                + " values (?, ?, ?, 3)")
        .params(generation, org, project)
        .update();
    for (int seq = 1; seq <= 3; seq++) {
      owner
          .sql(
              "insert into generation_events (generation_id, seq, org_id, project_id, type, at)"
                  + " values (?, ?, ?, ?, 'token', now())")
          .params(generation, seq, org, project)
          .update();
    }

    Event fourth = live.token(org, project, generation, 4);
    assertThat(client.until(r -> r.seq() == 4, WAIT))
        .as("1 to 3 never reached Kafka")
        .extracting(Received::seq)
        .containsExactly(1L, 2L, 3L, 4L);

    liveEvents.deliver(new LiveEvent(org, fourth, Api.JSON.writeValueAsString(fourth)));
    live.token(org, project, generation, 5);
    assertThat(client.until(r -> r.seq() == 5, WAIT))
        .as("a redelivered event is not sent twice")
        .extracting(Received::seq)
        .containsExactly(5L);
  }

  @Test
  void aProjectSubscriptionFollowsEveryGenerationOfTheProject() throws Exception {
    UUID second = UUID.randomUUID();
    Instant since = Instant.now().minusSeconds(1);
    live.token(org, project, generation, 1);
    EventsClient client = connect(viewer);
    client.send(
        Map.of(
            "action", "subscribe",
            "orgId", org.toString(),
            "projectId", project.toString(),
            "since", since.toString()));
    assertThat(client.nextControl(WAIT).type()).isEqualTo("subscribed");
    live.token(org, project, second, 1);
    live.token(org, project, generation, 2);
    live.token(org, UUID.randomUUID(), UUID.randomUUID(), 1);

    List<Received> got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      got.add(client.nextControl(WAIT));
    }
    assertThat(got)
        .extracting(r -> r.frame().path("generationId").asString() + "#" + r.seq())
        .as("the replayed event first, then the live ones of both generations")
        .startsWith(generation + "#1")
        .containsExactlyInAnyOrder(generation + "#1", second + "#1", generation + "#2");
    assertThat(client.drain(Duration.ofMillis(500))).isEmpty();
  }

  private EventsClient connect(TestUser user) throws Exception {
    EventsClient client = live.connect(port, user);
    clients.add(client);
    return client;
  }

  private static void sendRaw(EventsClient client, String text) {
    client.sendText(text);
  }

  private static List<Long> seqs(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
