package dev.kiln.platform.preview;

import dev.kiln.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The errors of the preview API. */
final class PreviewProblems {

  private PreviewProblems() {}

  static final class NoVersion extends ApiProblem {
    NoVersion() {
      super(
          HttpStatus.CONFLICT,
          "project-has-no-version",
          "Nothing to preview yet",
          "This project has no version yet: run a generation first.");
    }
  }

  static final class LimitReached extends ApiProblem {
    LimitReached(int limit) {
      super(
          HttpStatus.CONFLICT,
          "preview-limit-reached",
          "Too many previews running",
          "The organization may run "
              + limit
              + " previews at once: stop one (DELETE .../preview) and try again.");
    }
  }

  static final class NotRunning extends ApiProblem {
    NotRunning() {
      super(
          HttpStatus.NOT_FOUND,
          "preview-not-running",
          "No preview is running",
          "This project's preview is not running: open it with POST .../preview.");
    }
  }

  static final class Disabled extends ApiProblem {
    Disabled() {
      super(
          HttpStatus.SERVICE_UNAVAILABLE,
          "previews-disabled",
          "Previews are switched off",
          "This Kiln does not run previews (kiln.preview.enabled=false).");
    }
  }
}
