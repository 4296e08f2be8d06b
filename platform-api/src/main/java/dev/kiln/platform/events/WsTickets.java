package dev.kiln.platform.events;

import dev.kiln.platform.web.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * WebSocket tickets: a browser cannot put a bearer token on a WebSocket handshake, so it trades its
 * token for a ticket (random, stored hashed in PostgreSQL so any instance can redeem it) and puts
 * that in the URL. A ticket is bound to its user, lives {@code kiln.events.ticket-ttl} and opens
 * one connection.
 */
@Component
class WsTickets {

  /** A new ticket; the only time its value is seen. */
  record Issued(String ticket, Instant expiresAt) {}

  private static final Duration KEEP_EXPIRED = Duration.ofMinutes(5);
  private static final int MAX_TICKET_LENGTH = 100;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final EventsSettings settings;

  WsTickets(JdbcClient jdbc, Clock clock, EventsSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  /** Issues a ticket for {@code user}, and forgets tickets that expired a while ago. */
  @Transactional
  Issued issue(UUID user) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.ticketTtl()).truncatedTo(ChronoUnit.MILLIS);
    String ticket = SecretTokens.random();
    jdbc.sql("delete from ws_tickets where expires_at < ?")
        .param(now.minus(KEEP_EXPIRED).atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql("insert into ws_tickets (ticket_hash, user_id, expires_at) values (?, ?, ?)")
        .params(SecretTokens.hash(ticket), user, expiresAt.atOffset(ZoneOffset.UTC))
        .update();
    return new Issued(ticket, expiresAt);
  }

  /**
   * Uses the ticket up and returns its user; empty when it is missing, unknown, expired or used
   * (each ticket answers a user at most once, even to concurrent redeemers).
   */
  @Transactional
  Optional<UUID> redeem(String ticket) {
    if (ticket == null || ticket.isEmpty() || ticket.length() > MAX_TICKET_LENGTH) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return jdbc.sql(
            "update ws_tickets set used_at = ? where ticket_hash = ? and used_at is null"
                + " and expires_at > ? returning user_id")
        .params(
            now.atOffset(ZoneOffset.UTC), SecretTokens.hash(ticket), now.atOffset(ZoneOffset.UTC))
        .query(UUID.class)
        .optional();
  }
}
