/**
 * Live generation events: one stored, gapless stream per generation, published through the outbox
 * and pushed to WebSocket subscribers, who replay what they missed by {@code seq}.
 */
package dev.kiln.platform.events;
