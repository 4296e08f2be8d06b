package dev.kiln.platform.generation.llm;

import java.time.Duration;

/**
 * A provider request that failed: an HTTP status, an error event in a stream, a timeout or a
 * connection error ({@link ProviderErrors} makes one from what the SDK throws). Only {@link
 * ChatCompletions} throws it; the gateway turns it into an {@link LlmFailure}.
 */
final class ProviderError extends RuntimeException {

  /** Status of a failure without an HTTP status: the connection broke or was refused. */
  static final int NO_STATUS = 0;

  private final int status;
  private final boolean timedOut;
  private final Duration retryAfter;
  private final String detail;
  private int attempts = 1;

  private ProviderError(int status, boolean timedOut, Duration retryAfter, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.timedOut = timedOut;
    this.retryAfter = retryAfter;
    this.detail = detail;
  }

  /** A non-2xx answer; {@code detail} is the provider's message, redacted. */
  static ProviderError status(int status, Duration retryAfter, String detail) {
    return new ProviderError(status, false, retryAfter, detail);
  }

  static ProviderError timedOut(Duration after) {
    return new ProviderError(NO_STATUS, true, null, "no complete answer within " + after);
  }

  static ProviderError unreachable(String what) {
    return new ProviderError(NO_STATUS, false, null, what);
  }

  /** 429, 5xx, timeouts and connection errors; never another 4xx. */
  boolean retryable() {
    return status == NO_STATUS || status == 429 || status >= 500;
  }

  int status() {
    return status;
  }

  boolean isTimedOut() {
    return timedOut;
  }

  /** What the provider asked us to wait, or null. */
  Duration retryAfter() {
    return retryAfter;
  }

  String detail() {
    return detail;
  }

  /** How many requests were sent before giving up. */
  int attempts() {
    return attempts;
  }

  ProviderError after(int attempts) {
    this.attempts = attempts;
    return this;
  }
}
