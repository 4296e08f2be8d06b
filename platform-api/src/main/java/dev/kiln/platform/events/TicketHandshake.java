package dev.kiln.platform.events;

import dev.kiln.platform.web.ApiProblem;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admits a WebSocket handshake only with a valid ticket in its {@code ticket} query parameter, and
 * hands the ticket's user to the session; anything else is refused with 401 {@code ticket-invalid}.
 */
final class TicketHandshake implements HandshakeInterceptor {

  /** The session attribute holding the user's id (a {@link UUID}). */
  static final String USER = "kiln.userId";

  private final WsTickets tickets;
  private final JsonMapper json;

  TicketHandshake(WsTickets tickets, JsonMapper json) {
    this.tickets = tickets;
    this.json = json;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes)
      throws IOException {
    String ticket =
        UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("ticket");
    Optional<UUID> user = tickets.redeem(ticket);
    if (user.isEmpty()) {
      refuse(request, response);
      return false;
    }
    attributes.put(USER, user.get());
    return true;
  }

  private void refuse(ServerHttpRequest request, ServerHttpResponse response) throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            "The WebSocket ticket is missing, unknown, expired or already used."
                + " Get a new one with POST /api/v1/ws/tickets.");
    problem.setType(ApiProblem.type("ticket-invalid"));
    problem.setTitle("Unauthorized");
    problem.setInstance(java.net.URI.create(request.getURI().getPath()));
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getBody().write(json.writeValueAsBytes(problem));
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
