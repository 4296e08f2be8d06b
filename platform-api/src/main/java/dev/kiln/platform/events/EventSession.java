package dev.kiln.platform.events;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket connection: its subscriptions and its sender, a virtual thread that alone writes to
 * the socket. Live events wait in a bounded lane of {@link SessionQueue}; when a slow client lets
 * it fill, the subscription that overflowed is dropped with a {@code resync} frame and every other
 * connection carries on.
 */
final class EventSession implements Subscription.Sink {

  /** What every connection shares. */
  record Wiring(
      LiveEvents live,
      GenerationEvents events,
      OrgMembership members,
      JsonMapper json,
      EventsSettings settings,
      Clock clock,
      Counter resyncs) {}

  private static final Logger log = LoggerFactory.getLogger(EventSession.class);
  private static final int CONTROL_CAPACITY = 64;

  private sealed interface Work {}

  private record Live(Subscription subscription, LiveEvent event) implements Work {}

  private record Command(ClientMessage message) implements Work {}

  private record Resync(Subscription subscription) implements Work {}

  private record Frame(Object frame) implements Work {}

  private final WebSocketSession socket;
  private final UUID userId;
  private final Wiring wiring;
  private final SessionQueue<Work> queue;
  private final Map<String, Subscription> subscriptions = new HashMap<>();

  EventSession(WebSocketSession socket, UUID userId, Wiring wiring) {
    this.socket = socket;
    this.userId = userId;
    this.wiring = wiring;
    this.queue = new SessionQueue<>(wiring.settings().sessionQueue(), CONTROL_CAPACITY);
  }

  void start() {
    Thread.ofVirtual().name("kiln-ws-" + socket.getId()).start(this::run);
  }

  /** A text frame from the client (a container thread): checked here, acted on by the sender. */
  void receive(String text) {
    try {
      control(new Command(ClientMessage.parse(wiring.json(), text)));
    } catch (ClientMessage.Refused e) {
      control(new Frame(Frames.error("bad-message", e.getMessage(), null, null)));
    }
  }

  /** The connection is gone: the sender stops and the subscriptions are dropped. */
  void close() {
    queue.close();
  }

  @Override
  public boolean offer(Subscription subscription, LiveEvent event) {
    return queue.offerEvent(new Live(subscription, event));
  }

  @Override
  public void overflowed(Subscription subscription) {
    wiring.live().unregister(subscription);
    wiring.resyncs().increment();
    control(new Resync(subscription));
  }

  @Override
  public void send(Event event) throws IOException {
    sendText(wiring.json().writeValueAsString(event));
  }

  @Override
  public void send(LiveEvent event) throws IOException {
    sendText(event.json());
  }

  private void control(Work work) {
    if (!queue.offerControl(work)) {
      closeSocket(CloseStatus.POLICY_VIOLATION.withReason("Too many messages"));
    }
  }

  private void run() {
    try {
      for (Work work = queue.take(); work != null; work = queue.take()) {
        handle(work);
      }
    } catch (IOException e) {
      log.debug("WebSocket {} could not be written to; closing it", socket.getId(), e);
      closeSocket(CloseStatus.SESSION_NOT_RELIABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("WebSocket {} sender failed; closing it", socket.getId(), e);
      closeSocket(CloseStatus.SERVER_ERROR);
    } finally {
      queue.close();
      subscriptions.values().forEach(this::stop);
      subscriptions.clear();
    }
  }

  private void handle(Work work) throws IOException {
    switch (work) {
      case Live(Subscription s, LiveEvent event) -> {
        if (!s.dropped()) {
          deliver(s, () -> s.onLive(event));
        }
      }
      case Resync(Subscription s) -> {
        subscriptions.remove(key(s), s);
        sendFrame(s.resync());
      }
      case Frame(Object frame) -> sendFrame(frame);
      case Command(ClientMessage m) -> command(m);
    }
  }

  private void command(ClientMessage m) throws IOException {
    try {
      if (ClientMessage.SUBSCRIBE.equals(m.action())) {
        subscribe(m);
      } else {
        unsubscribe(m);
      }
    } catch (RuntimeException e) {
      log.warn("WebSocket command {} on {} failed", m.action(), m.stream(), e);
      sendFrame(error(m, "internal-error", "Something went wrong on our side; try again."));
    }
  }

  private void subscribe(ClientMessage m) throws IOException {
    if (!subscriptions.containsKey(m.stream())
        && subscriptions.size() >= wiring.settings().maxSubscriptions()) {
      sendFrame(error(m, "too-many-subscriptions", "This connection follows too many streams."));
      return;
    }
    if (wiring.members().roleOf(m.orgId(), userId).isEmpty()) {
      sendFrame(error(m, "not-found", "No such org, or you are not one of its members."));
      return;
    }
    Subscription old = subscriptions.remove(m.stream());
    if (old != null) {
      stop(old);
    }
    if (!wiring.live().awaitAssigned(wiring.settings().liveReadyTimeout())) {
      log.warn("The live events consumer has no partitions yet; replaying from PostgreSQL only");
    }
    Subscription s = open(m);
    subscriptions.put(m.stream(), s);
    wiring.live().register(s);
    sendFrame(s.subscribed());
    deliver(s, s::replay);
  }

  private Subscription open(ClientMessage m) {
    int page = wiring.settings().replayPage();
    if (m.generationId() != null) {
      long afterSeq = m.afterSeq() == null ? 0 : m.afterSeq();
      return new GenerationSubscription(
          m.orgId(), m.generationId(), afterSeq, this, wiring.events(), page);
    }
    return new ProjectSubscription(
        m.orgId(), m.projectId(), m.since(), wiring.clock().instant(), this, wiring.events(), page);
  }

  private void unsubscribe(ClientMessage m) throws IOException {
    Subscription s = subscriptions.remove(m.stream());
    if (s != null) {
      stop(s);
    }
    sendFrame(Frames.unsubscribed(m.generationId(), m.projectId()));
  }

  /** What a subscription does to deliver; I/O errors close the connection. */
  private interface Delivery {
    void run() throws IOException;
  }

  /**
   * Runs a delivery step; if it fails on our side (the database, say), the subscription is dropped
   * with a resync frame so the client resumes where it stands, and the connection lives on.
   */
  private void deliver(Subscription s, Delivery delivery) throws IOException {
    try {
      delivery.run();
    } catch (RuntimeException e) {
      log.warn("Delivering events of {} failed; asking the client to resync", s.streamId(), e);
      if (s.drop()) {
        wiring.live().unregister(s);
        subscriptions.remove(key(s), s);
        sendFrame(s.resync());
      }
    }
  }

  private void stop(Subscription s) {
    s.drop();
    wiring.live().unregister(s);
  }

  private static String key(Subscription s) {
    return (s.followsProject() ? "project:" : "generation:") + s.streamId();
  }

  private static Frames.Error error(ClientMessage m, String code, String message) {
    return Frames.error(code, message, m.generationId(), m.projectId());
  }

  private void sendFrame(Object frame) throws IOException {
    sendText(wiring.json().writeValueAsString(frame));
  }

  private void sendText(String text) throws IOException {
    socket.sendMessage(new TextMessage(text));
  }

  private void closeSocket(CloseStatus status) {
    try {
      socket.close(status);
    } catch (IOException | RuntimeException e) {
      log.debug("Closing WebSocket {} failed", socket.getId(), e);
    }
  }
}
