package dev.kiln.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import java.util.Map;
import java.util.UUID;

/** Tickets and events as the live events tests need them. */
final class EventsFixtures {

  private final Api api;
  private final GenerationEvents events;

  EventsFixtures(Api api, GenerationEvents events) {
    this.api = api;
    this.events = events;
  }

  /** A new ticket of {@code user}. */
  String ticket(TestUser user) {
    Api.Response r = api.post("/api/v1/ws/tickets", user.accessToken(), null);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.text("ticket");
  }

  /** A connection opened with a new ticket of {@code user}. */
  EventsClient connect(int port, TestUser user) throws Exception {
    return EventsClient.connect(port, ticket(user));
  }

  /** Appends a {@code token} event whose data is {@code {"i": i}}. */
  Event token(UUID org, UUID project, UUID generation, int i) {
    return events.append(org, project, generation, "token", "codegen", Map.of("i", i));
  }
}
