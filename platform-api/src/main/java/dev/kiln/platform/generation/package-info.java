/**
 * Generations: a prompt becomes a verified version of a project through the staged pipeline (plan,
 * database, API, UI, files, plugins, build), run by workers fed from Kafka.
 */
package dev.kiln.platform.generation;
