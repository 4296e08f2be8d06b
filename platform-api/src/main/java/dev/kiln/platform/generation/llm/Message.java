package dev.kiln.platform.generation.llm;

import java.util.Locale;
import java.util.Objects;

/**
 * One chat message sent to a model. Its content is redacted ({@link Redaction}) before it leaves
 * the process; {@link #toString()} never shows it.
 *
 * @param role who speaks; never null
 * @param content the text; never null
 */
public record Message(Role role, String content) {

  /** Who speaks, as the chat-completions protocol names it. */
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT;

    /** The protocol's lower-case name. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Message {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  public static Message system(String content) {
    return new Message(Role.SYSTEM, content);
  }

  public static Message user(String content) {
    return new Message(Role.USER, content);
  }

  public static Message assistant(String content) {
    return new Message(Role.ASSISTANT, content);
  }

  /** This message with its content redacted. */
  Message redacted() {
    return new Message(role, Redaction.redact(content));
  }

  /** The role and the length only: prompts may hold secrets and never reach a log. */
  @Override
  public String toString() {
    return "Message[" + role.id() + ", " + content.length() + " chars]";
  }
}
