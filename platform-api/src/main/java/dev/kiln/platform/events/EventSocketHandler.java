package dev.kiln.platform.events;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code GET /api/v1/ws?ticket=...}: the live events WebSocket. Each connection gets an {@link
 * EventSession}; the protocol is in {@link ClientMessage} (client to server) and {@link Frames}
 * (server to client, besides {@link Event}s).
 */
final class EventSocketHandler extends TextWebSocketHandler {

  private final Map<String, EventSession> sessions = new ConcurrentHashMap<>();
  private final EventSession.Wiring wiring;

  EventSocketHandler(EventSession.Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession socket) {
    UUID user = (UUID) socket.getAttributes().get(TicketHandshake.USER);
    EventSession session = new EventSession(socket, user, wiring);
    sessions.put(socket.getId(), session);
    session.start();
  }

  @Override
  protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
    EventSession session = sessions.get(socket.getId());
    if (session != null) {
      session.receive(message.getPayload());
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
    EventSession session = sessions.remove(socket.getId());
    if (session != null) {
      session.close();
    }
  }

  /** Open connections, for the {@code kiln.events.sessions} gauge. */
  int sessionCount() {
    return sessions.size();
  }
}
