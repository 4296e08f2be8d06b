package dev.kiln.platform.generation.llm;

import com.openai.core.http.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before a retry: exponential from an initial wait, capped, with jitter (half the
 * wait is random), and never less than what the provider asked for with {@code Retry-After}.
 */
final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final Duration maxRetryAfter;
  private final RandomGenerator random;

  Backoff(Duration initial, Duration max, Duration maxRetryAfter, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first), or empty when the provider asked
   * for a longer wait than {@code maxRetryAfter}: then retrying is pointless.
   */
  Optional<Duration> delay(int retry, Duration retryAfter) {
    long cap = max.toMillis();
    long exponential = Math.min(cap, initial.toMillis() << Math.min(retry - 1, 20));
    long half = exponential / 2;
    long jittered = exponential - (half > 0 ? random.nextLong(half + 1) : 0);
    if (retryAfter == null) {
      return Optional.of(Duration.ofMillis(jittered));
    }
    if (retryAfter.compareTo(maxRetryAfter) > 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.max(jittered, retryAfter.toMillis())));
  }

  /**
   * The wait a response asks for: {@code retry-after-ms} (OpenAI), else {@code Retry-After} in
   * seconds or as an HTTP date; null when absent or unreadable.
   */
  static Duration retryAfter(Headers headers, Clock clock) {
    Optional<String> millis = first(headers, "retry-after-ms");
    if (millis.isPresent()) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().strip())));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    return first(headers, "retry-after").map(v -> parse(v.strip(), clock)).orElse(null);
  }

  private static Optional<String> first(Headers headers, String name) {
    return headers.values(name).stream().findFirst();
  }

  private static Duration parse(String value, Clock clock) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
