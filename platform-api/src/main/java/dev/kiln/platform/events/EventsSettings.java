package dev.kiln.platform.events;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live events over WebSocket, bound from {@code kiln.events.*}.
 *
 * @param ticketTtl how long a WebSocket ticket can be redeemed (once)
 * @param sessionQueue live events one connection may have waiting to be sent; past it the
 *     subscription that overflowed gets a {@code resync} frame and is dropped
 * @param maxSubscriptions subscriptions one connection may hold
 * @param replayPage events read from PostgreSQL per query while replaying
 * @param liveReadyTimeout how long a subscription waits for this process's live consumer to be
 *     assigned its partitions (only right after start-up) before replaying anyway
 * @param allowedOrigins origin patterns a browser may open the WebSocket from; tickets, not
 *     cookies, authenticate, so any origin is safe by default
 */
@ConfigurationProperties("kiln.events")
record EventsSettings(
    @DefaultValue("30s") Duration ticketTtl,
    @DefaultValue("512") int sessionQueue,
    @DefaultValue("64") int maxSubscriptions,
    @DefaultValue("500") int replayPage,
    @DefaultValue("30s") Duration liveReadyTimeout,
    @DefaultValue("*") List<String> allowedOrigins) {

  EventsSettings {
    if (ticketTtl.isNegative()
        || ticketTtl.isZero()
        || sessionQueue < 1
        || maxSubscriptions < 1
        || replayPage < 1
        || replayPage > GenerationEvents.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "kiln.events: ticket-ttl > 0, session-queue and max-subscriptions >= 1, replay-page in"
              + " 1.."
              + GenerationEvents.MAX_LIMIT);
    }
  }
}
