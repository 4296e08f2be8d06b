package dev.kiln.platform.generation.llm;

import dev.kiln.platform.web.ApiProblem;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An LLM request that did not give a usable answer. The message is meant for the user; {@link
 * #refundable()} says whether the platform or the provider is to blame (credits are refunded) or
 * the org (its own key was rejected, or the model declined the prompt).
 */
public final class LlmFailure extends ApiProblem {

  /** What went wrong. */
  public enum Kind {
    /** Neither the org nor the platform has a key. */
    NOT_CONFIGURED(HttpStatus.SERVICE_UNAVAILABLE),
    /** The org's stored key cannot be decrypted with the configured key-encryption key. */
    KEY_UNREADABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** 5xx or connection errors, after every retry. */
    UNAVAILABLE(HttpStatus.BAD_GATEWAY),
    /** 429, after every retry or with a {@code Retry-After} too long to wait. */
    RATE_LIMITED(HttpStatus.SERVICE_UNAVAILABLE),
    /** The provider did not finish answering in time, after every retry. */
    TIMED_OUT(HttpStatus.GATEWAY_TIMEOUT),
    /** A 4xx other than 429: the request or the key was refused; never retried. */
    REJECTED(HttpStatus.BAD_GATEWAY),
    /** Malformed, truncated or schema-violating output, after one repair request. */
    INVALID_OUTPUT(HttpStatus.BAD_GATEWAY),
    /** The model declined to answer this prompt. */
    REFUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The calling thread was interrupted (the generation was cancelled). */
    CANCELLED(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    Kind(HttpStatus status) {
      this.status = status;
    }

    String slug() {
      return "llm-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Kind kind;
  private final boolean refundable;
  private final Usage usage;

  LlmFailure(Kind kind, boolean refundable, Usage usage, String message) {
    super(kind.status, kind.slug(), "The AI model could not answer", message);
    this.kind = kind;
    this.refundable = refundable;
    this.usage = usage == null ? Usage.NONE : usage;
  }

  public Kind kind() {
    return kind;
  }

  /** True when the platform or the provider failed, so the user's credits are given back. */
  public boolean refundable() {
    return refundable;
  }

  /** Tokens the provider counted before it failed; never null. */
  public Usage usage() {
    return usage;
  }

  @Override
  protected Map<String, Object> properties() {
    return Map.of("refundable", refundable);
  }
}
