package dev.kiln.platform.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event of a generation's stream, as stored, published on {@value GenerationEvents#TOPIC} and
 * sent to WebSocket clients.
 *
 * @param seq 1 for the generation's first event, then strictly increasing by one
 * @param type an {@link EventType#id()}
 * @param stage the generation stage it belongs to; may be null
 * @param at when it was appended (microseconds)
 * @param data what happened; never null, possibly empty
 */
@JsonPropertyOrder({"seq", "generationId", "projectId", "type", "stage", "at", "data"})
public record Event(
    long seq,
    UUID generationId,
    UUID projectId,
    String type,
    String stage,
    Instant at,
    Map<String, Object> data) {}
