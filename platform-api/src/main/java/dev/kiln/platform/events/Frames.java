package dev.kiln.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The frames the server sends besides events. Each has a {@code type} no event type uses, so a
 * client tells them apart by {@code type} alone.
 */
final class Frames {

  private Frames() {}

  /** The subscription is registered; its replay (if any) and live events follow. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Subscribed(String type, UUID generationId, UUID projectId, Long afterSeq, Instant since) {}

  /** The subscription was stopped by an unsubscribe. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Unsubscribed(String type, UUID generationId, UUID projectId) {}

  /**
   * The subscription fell behind and was dropped: subscribe again with {@code afterSeq = lastSeq}
   * (generation) or {@code since} (project).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Resync(String type, UUID generationId, UUID projectId, Long lastSeq, Instant since) {}

  /** A message was refused; {@code code} is stable, {@code message} for humans. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Error(String type, String code, String message, UUID generationId, UUID projectId) {}

  static Subscribed subscribedToGeneration(UUID generationId, long afterSeq) {
    return new Subscribed("subscribed", generationId, null, afterSeq, null);
  }

  static Subscribed subscribedToProject(UUID projectId, Instant since) {
    return new Subscribed("subscribed", null, projectId, null, since);
  }

  static Unsubscribed unsubscribed(UUID generationId, UUID projectId) {
    return new Unsubscribed("unsubscribed", generationId, projectId);
  }

  static Resync resyncGeneration(UUID generationId, long lastSeq) {
    return new Resync("resync", generationId, null, lastSeq, null);
  }

  static Resync resyncProject(UUID projectId, Instant since) {
    return new Resync("resync", null, projectId, null, since);
  }

  static Error error(String code, String message, UUID generationId, UUID projectId) {
    return new Error("error", code, message, generationId, projectId);
  }
}
