package dev.kiln.platform.events;

import java.util.UUID;

/**
 * An event as it arrives from Kafka: its org (from the record header), the event, and its JSON as
 * published, which is sent to clients unchanged.
 */
record LiveEvent(UUID orgId, Event event, String json) {}
