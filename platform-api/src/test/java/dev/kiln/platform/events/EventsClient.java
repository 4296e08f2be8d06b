package dev.kiln.platform.events;

import dev.kiln.platform.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * A live events client on the JDK's own WebSocket: collects every frame with the time it arrived,
 * and can stop reading (a slow client) and start again.
 */
final class EventsClient implements WebSocket.Listener, AutoCloseable {

  /** A frame and {@link System#nanoTime()} when it arrived. */
  record Received(JsonNode frame, long nanos) {
    String type() {
      return frame.path("type").asString("");
    }

    long seq() {
      return frame.path("seq").asLong(-1);
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LinkedBlockingQueue<Received> frames = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean reading = true;
  private volatile WebSocket socket;

  /** Opens a connection; throws {@link WebSocketHandshakeException} when it is refused. */
  static EventsClient connect(int port, String ticket) throws Exception {
    EventsClient client = new EventsClient();
    URI uri = URI.create("ws://localhost:" + port + "/api/v1/ws?ticket=" + ticket);
    try {
      client.socket = HTTP.newWebSocketBuilder().buildAsync(uri, client).get(20, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
    return client;
  }

  /** The status a refused handshake answered; -1 when it was accepted. */
  static int handshakeStatus(int port, String ticket) throws Exception {
    try (EventsClient ignored = connect(port, ticket)) {
      return -1;
    } catch (WebSocketHandshakeException e) {
      return e.getResponse().statusCode();
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(new Received(Api.JSON.readTree(partial.toString()), System.nanoTime()));
      partial.setLength(0);
    }
    if (reading) {
      webSocket.request(1);
    }
    return null;
  }

  /** Stops asking for frames: the server's writes back up, as with a client that hangs. */
  void pause() {
    reading = false;
  }

  void resume() {
    reading = true;
    socket.request(1);
  }

  void send(Map<String, ?> message) {
    sendText(Api.JSON.writeValueAsString(message));
  }

  void sendText(String text) {
    socket.sendText(text, true).join();
  }

  /** Subscribes to a generation and waits for the confirmation (or an error frame). */
  Received subscribeGeneration(UUID org, UUID generation, long afterSeq) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", "subscribe");
    m.put("orgId", org.toString());
    m.put("generationId", generation.toString());
    m.put("afterSeq", afterSeq);
    send(m);
    return nextControl(Duration.ofSeconds(20));
  }

  /** The next frame, or null when none arrives in time. */
  Received next(Duration timeout) throws InterruptedException {
    return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next subscribed or error frame; events before it are an error. */
  Received nextControl(Duration timeout) throws Exception {
    Received r = next(timeout);
    if (r == null) {
      throw new TimeoutException("No frame in " + timeout);
    }
    return r;
  }

  /** Frames until one satisfies {@code last} (included) or the time is up. */
  List<Received> until(java.util.function.Predicate<Received> last, Duration timeout)
      throws InterruptedException {
    List<Received> got = new ArrayList<>();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      Received r = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
      if (r == null) {
        break;
      }
      got.add(r);
      if (last.test(r)) {
        break;
      }
    }
    return got;
  }

  /** Everything that arrives within {@code window}. */
  List<Received> drain(Duration window) throws InterruptedException {
    return until(r -> false, window);
  }

  @Override
  public void close() {
    WebSocket s = socket;
    if (s != null && !s.isOutputClosed()) {
      s.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
          .orTimeout(5, TimeUnit.SECONDS)
          .exceptionally(e -> null);
    }
    if (s != null) {
      s.abort();
    }
  }
}
