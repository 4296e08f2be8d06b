package dev.kiln.platform.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of generation event (ARCHITECTURE.md, "Events"); {@link #id()} is the wire form. */
public enum EventType {
  GENERATION_STARTED,
  STAGE_STARTED,
  TOKEN,
  REASONING_STEP,
  FILE_CLOSED,
  STAGE_COMPLETE,
  PLUGIN_RESULT,
  BUILD_PROGRESS,
  BUILD_OK,
  BUILD_ERROR,
  TEST_RESULT,
  AUTOFIX_ATTEMPT,
  PREVIEW_STARTING,
  PREVIEW_READY,
  PREVIEW_UPDATED,
  PREVIEW_ERROR,
  PREVIEW_STOPPED,
  CREDITS_CHARGED,
  GENERATION_COMPLETED,
  GENERATION_FAILED;

  private static final Map<String, EventType> BY_ID =
      Arrays.stream(values()).collect(Collectors.toMap(EventType::id, Function.identity()));

  /** The lower-case name used in events, e.g. {@code generation_started}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type with this wire name; throws {@link EventProblems.UnknownEventType} otherwise. */
  public static EventType fromId(String id) {
    EventType type = id == null ? null : BY_ID.get(id);
    if (type == null) {
      throw new EventProblems.UnknownEventType(id);
    }
    return type;
  }
}
