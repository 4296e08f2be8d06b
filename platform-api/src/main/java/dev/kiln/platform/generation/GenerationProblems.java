package dev.kiln.platform.generation;

import dev.kiln.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The errors of the generations API. */
final class GenerationProblems {

  private GenerationProblems() {}

  static final class GenerationNotFound extends ApiProblem {
    GenerationNotFound() {
      super(
          HttpStatus.NOT_FOUND,
          "generation-not-found",
          "Generation not found",
          "This project has no generation with this id.");
    }
  }

  static final class GenerationInProgress extends ApiProblem {
    GenerationInProgress() {
      super(
          HttpStatus.CONFLICT,
          "generation-in-progress",
          "A generation is in progress",
          "This project already has a generation queued or running: wait for it or cancel it.");
    }
  }

  static final class GenerationFinished extends ApiProblem {
    GenerationFinished(String status) {
      super(
          HttpStatus.CONFLICT,
          "generation-finished",
          "Generation already finished",
          "This generation has already ended (" + status + ") and cannot be cancelled.");
    }
  }
}
