package dev.kiln.platform.generation.llm;

import tools.jackson.databind.JsonNode;

/**
 * A model's answer that parsed as JSON and matched the requested JSON Schema.
 *
 * @param value the answer; never null, valid against the schema
 * @param usage tokens of every request it took (a repair included); what to meter
 * @param model the model the provider says answered; never null
 * @param attempts model requests it took: 1, or 2 when the first answer needed a repair
 * @param ownKey true when the org's own key paid for it (not the platform's)
 */
public record Structured(JsonNode value, Usage usage, String model, int attempts, boolean ownKey) {

  /** Whether the first answer was invalid and a repair request fixed it. */
  public boolean repaired() {
    return attempts > 1;
  }
}
