package dev.kiln.platform.events;

import dev.kiln.platform.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ws/tickets}: a single-use ticket for {@code GET /api/v1/ws?ticket=...}, the
 * live events WebSocket.
 */
@RestController
class TicketController {

  private final WsTickets tickets;

  TicketController(WsTickets tickets) {
    this.tickets = tickets;
  }

  @PostMapping("/api/v1/ws/tickets")
  @ResponseStatus(HttpStatus.CREATED)
  WsTickets.Issued issue(@AuthenticationPrincipal CurrentUser user) {
    return tickets.issue(user.id());
  }
}
