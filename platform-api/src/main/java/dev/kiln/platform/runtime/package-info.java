/**
 * The runtime Kiln chooses at start-up: embedded or external PostgreSQL and Kafka, database roles,
 * health, and the start-up report.
 */
package dev.kiln.platform.runtime;
