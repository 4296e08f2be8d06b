package dev.kiln.platform.generation;

import java.util.UUID;

/** The generation topics and the job message on {@value #REQUESTED}. */
final class GenerationJobs {

  static final String REQUESTED = "kiln.generation.requested";
  static final String DEAD_LETTERS = REQUESTED + "-dlt";

  /** A generation to run; the key of its record is the project, so a project's jobs keep order. */
  record Job(UUID generationId, UUID orgId, UUID projectId) {}

  private GenerationJobs() {}
}
