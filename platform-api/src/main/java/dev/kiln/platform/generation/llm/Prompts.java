package dev.kiln.platform.generation.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** What the gateway itself says to a model: repair requests and the schema for json_object. */
final class Prompts {

  private Prompts() {}

  /** Asks for a corrected answer, listing what was wrong with the last one. */
  static String repair(List<String> problems) {
    StringBuilder text = new StringBuilder("Your previous answer cannot be used:\n");
    problems.forEach(p -> text.append("- ").append(p).append('\n'));
    return text.append(
            "Reply again with only the corrected, complete JSON object that matches the required"
                + " JSON Schema: no explanation, no Markdown.")
        .toString();
  }

  /** The problem of an answer that was cut off. */
  static String truncated(String finishReason) {
    return finishReason == null
        ? "it stopped before it was complete (the stream ended early)"
        : "it was cut off before the end (finish_reason: "
            + finishReason
            + "); keep it shorter so that it fits";
  }

  /**
   * The messages with a first system message carrying the schema, for providers that only offer
   * {@code json_object} (which also wants the word JSON in the prompt).
   */
  static List<Message> withSchemaInstruction(List<Message> messages, JsonNode schema) {
    List<Message> out = new ArrayList<>(messages.size() + 1);
    out.add(
        Message.system(
            "Answer with one JSON object only, no Markdown, valid against this JSON Schema:\n"
                + schema));
    out.addAll(messages);
    return out;
  }

  /** Whether a 400's message says the provider does not support json_schema output. */
  static boolean refusesJsonSchema(String detail) {
    String d = detail.toLowerCase(Locale.ROOT);
    return d.contains("response_format") || d.contains("json_schema");
  }
}
