package dev.kiln.platform.generation.llm;

import java.net.URI;

/**
 * Where a request goes and whose key pays for it.
 *
 * @param baseUrl the OpenAI-compatible API root, without {@code /chat/completions}
 * @param apiKey the bearer key; never shown by {@link #toString()}
 * @param model the model to ask
 * @param ownKey true for an org's own key, false for the platform key
 */
record Endpoint(URI baseUrl, String apiKey, String model, boolean ownKey) {

  /** Which key is used, never the key. */
  @Override
  public String toString() {
    return "Endpoint["
        + baseUrl
        + ", "
        + model
        + ", "
        + (ownKey ? "org key" : "platform key")
        + "]";
  }
}
