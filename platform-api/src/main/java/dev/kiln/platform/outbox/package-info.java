/**
 * The transactional outbox: Kafka messages written in the same transaction as the state change they
 * announce, and the relay that publishes them after commit, at least once.
 */
package dev.kiln.platform.outbox;
