package dev.kiln.platform.generation.llm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The LLM gateway, bound from {@code kiln.llm.*} ({@code KILN_LLM_BASE_URL}, {@code
 * KILN_LLM_API_KEY}, {@code KILN_LLM_MODEL}...).
 *
 * @param baseUrl the platform provider's OpenAI-compatible API root (the part before {@code
 *     /chat/completions}); blank means {@link #DEFAULT_BASE_URL}
 * @param apiKey the platform key; blank means orgs without a key of their own get the template
 *     engine
 * @param model the platform model; blank means {@link #DEFAULT_MODEL}
 * @param connectTimeout how long opening a connection to a provider may take
 * @param timeout how long one request may take, from sending it to the last streamed byte
 * @param maxRetries how often a request is repeated after a 429, a 5xx or a connection error
 * @param initialBackoff the wait before the first retry; it doubles each retry, with jitter
 * @param maxBackoff the longest wait between two retries
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails at once
 * @param keyEncryptionKey base64 of 32 bytes: the AES key org keys are encrypted with; blank means
 *     orgs cannot store keys
 * @param allowPrivateBaseUrls whether an org's base URL may be plain http or point at a loopback or
 *     private address (a self-hosted Ollama); off in a multi-tenant deployment
 */
@Validated
@ConfigurationProperties("kiln.llm")
record LlmSettings(
    String baseUrl,
    String apiKey,
    String model,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("3m") Duration timeout,
    @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("30s") Duration maxBackoff,
    @DefaultValue("60s") Duration maxRetryAfter,
    String keyEncryptionKey,
    @DefaultValue("false") boolean allowPrivateBaseUrls) {

  static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  static final String DEFAULT_MODEL = "gpt-4o-mini";

  LlmSettings {
    baseUrl = blank(baseUrl) ? DEFAULT_BASE_URL : baseUrl.strip();
    model = blank(model) ? DEFAULT_MODEL : model.strip();
    apiKey = blank(apiKey) ? null : apiKey.strip();
    keyEncryptionKey = blank(keyEncryptionKey) ? null : keyEncryptionKey.strip();
    for (Duration d : new Duration[] {connectTimeout, timeout, initialBackoff, maxBackoff}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("kiln.llm timeouts and backoffs must be positive");
      }
    }
  }

  /** Whether a platform key is configured. */
  boolean platformKey() {
    return apiKey != null;
  }

  /** Never shows the platform key or the key-encryption key. */
  @Override
  public String toString() {
    return "LlmSettings[baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "unset" : "***")
        + ", model="
        + model
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", keyEncryptionKey="
        + (keyEncryptionKey == null ? "unset" : "***")
        + "]";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
