package dev.kiln.platform.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client sends: {@code {"action":"subscribe","orgId":...,"generationId":...,"afterSeq":N}},
 * {@code {"action":"subscribe","orgId":...,"projectId":...,"since":"<instant>"}} ({@code since}
 * optional: without it, live events only), or {@code {"action":"unsubscribe","generationId" or
 * "projectId":...}}. The org is the client's claim of who owns the stream; the server checks the
 * caller is a member of it and shows only that org's events.
 */
record ClientMessage(
    String action, UUID orgId, UUID generationId, UUID projectId, Long afterSeq, Instant since) {

  static final String SUBSCRIBE = "subscribe";
  static final String UNSUBSCRIBE = "unsubscribe";

  /** A message that cannot be acted on; its text is safe to show the client. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses and checks a text frame; never returns null. */
  static ClientMessage parse(JsonMapper json, String text) throws Refused {
    ClientMessage m;
    try {
      m = json.readValue(text, ClientMessage.class);
    } catch (JacksonException e) {
      throw new Refused(
          "Not a JSON message of a known shape: {action, orgId, generationId or projectId,"
              + " afterSeq or since}.");
    }
    if (m == null) {
      throw new Refused("The message is empty.");
    }
    m.check();
    return m;
  }

  private void check() throws Refused {
    if (!SUBSCRIBE.equals(action) && !UNSUBSCRIBE.equals(action)) {
      throw new Refused("action must be 'subscribe' or 'unsubscribe'.");
    }
    if ((generationId == null) == (projectId == null)) {
      throw new Refused("Give exactly one of generationId and projectId.");
    }
    if (SUBSCRIBE.equals(action) && orgId == null) {
      throw new Refused("orgId, the org owning the stream, is required to subscribe.");
    }
    if (afterSeq != null && (projectId != null || afterSeq < 0)) {
      throw new Refused("afterSeq is a seq >= 0 and only for a generationId.");
    }
    if (since != null && generationId != null) {
      throw new Refused("since is only for a projectId; a generation resumes with afterSeq.");
    }
  }

  /** Which stream: one subscription per stream and connection. */
  String stream() {
    return generationId != null ? "generation:" + generationId : "project:" + projectId;
  }
}
