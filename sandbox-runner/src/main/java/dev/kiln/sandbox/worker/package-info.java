/**
 * The sandbox worker: jobs from Kafka ({@code kiln.sandbox.requested}), run once per job id in a
 * sandbox, results back on {@code kiln.sandbox.completed}, progress on {@code
 * kiln.sandbox.progress}, poison jobs to the dead-letter topic.
 */
package dev.kiln.sandbox.worker;
