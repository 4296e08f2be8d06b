package dev.kiln.platform.generation.llm;

import java.time.Duration;

/** Turns a provider error into the {@link LlmFailure} a user reads, and decides who pays. */
final class Failures {

  private Failures() {}

  static LlmFailure of(ProviderError e, Endpoint endpoint, Usage usage, Duration timeout) {
    String tries = e.attempts() > 1 ? " (tried " + e.attempts() + " times)" : "";
    if (e.isTimedOut()) {
      return new LlmFailure(
          LlmFailure.Kind.TIMED_OUT,
          true,
          usage,
          "The AI model did not finish answering within " + timeout + tries + ". Try again later.");
    }
    int status = e.status();
    if (status == ProviderError.NO_STATUS || status >= 500) {
      return new LlmFailure(
          LlmFailure.Kind.UNAVAILABLE,
          true,
          usage,
          "The AI model provider is unavailable ("
              + ChatCompletions.describe(e)
              + ")"
              + tries
              + ". Try again in a few minutes.");
    }
    if (status == 429) {
      return new LlmFailure(
          LlmFailure.Kind.RATE_LIMITED,
          true,
          usage,
          "The AI model provider is limiting requests"
              + (endpoint.ownKey() ? " made with your organization's key" : "")
              + tries
              + ". Try again in a few minutes.");
    }
    return rejected(e, endpoint, usage);
  }

  /** A 4xx other than 429: the org's fault only when its own key or settings were refused. */
  private static LlmFailure rejected(ProviderError e, Endpoint endpoint, Usage usage) {
    int status = e.status();
    boolean orgsFault = endpoint.ownKey() && (status >= 401 && status <= 404);
    String what = ChatCompletions.describe(e);
    String message =
        orgsFault
            ? "The AI model provider refused your organization's key or model ("
                + what
                + "). An owner can change them in the organization's LLM settings."
            : "The AI model provider refused the request (" + what + ").";
    return new LlmFailure(LlmFailure.Kind.REJECTED, !orgsFault, usage, message);
  }
}
