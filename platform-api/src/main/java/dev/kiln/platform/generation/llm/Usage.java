package dev.kiln.platform.generation.llm;

/**
 * Tokens a provider counted for one or more requests, what credits are metered from.
 *
 * @param promptTokens tokens sent, never negative
 * @param completionTokens tokens generated, never negative
 */
public record Usage(long promptTokens, long completionTokens) {

  /** Nothing used, or a provider that did not say. */
  public static final Usage NONE = new Usage(0, 0);

  public Usage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts are never negative");
    }
  }

  public long total() {
    return promptTokens + completionTokens;
  }

  public Usage plus(Usage other) {
    return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }
}
