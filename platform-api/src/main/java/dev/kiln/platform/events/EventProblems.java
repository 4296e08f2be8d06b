package dev.kiln.platform.events;

import dev.kiln.platform.web.ApiProblem;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Why an event was refused. */
public final class EventProblems {

  private EventProblems() {}

  /** The type is none of {@link EventType}. */
  public static final class UnknownEventType extends ApiProblem {
    private final String eventType;

    UnknownEventType(String eventType) {
      super(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "unknown-event-type",
          "Unknown event type",
          "'" + eventType + "' is not a generation event type.");
      this.eventType = eventType;
    }

    @Override
    protected Map<String, Object> properties() {
      return eventType == null ? Map.of() : Map.of("eventType", eventType);
    }
  }

  /** The event's data is larger than an event may be. */
  public static final class EventTooLarge extends ApiProblem {
    EventTooLarge(int bytes, int max) {
      super(
          HttpStatus.CONTENT_TOO_LARGE,
          "event-too-large",
          "Event too large",
          "The event's data is " + bytes + " bytes; at most " + max + " are allowed.");
    }
  }

  /** The generation's stream belongs to another project or another org. */
  public static final class StreamMismatch extends ApiProblem {
    StreamMismatch(UUID generationId) {
      super(
          HttpStatus.CONFLICT,
          "event-stream-mismatch",
          "Event stream mismatch",
          "Generation " + generationId + " belongs to another project or org.");
    }
  }
}
