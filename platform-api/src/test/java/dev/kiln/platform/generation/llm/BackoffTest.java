package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  final Backoff backoff =
      new Backoff(
          Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60), new Random(7));

  @Test
  void waitsDoubleEachRetryWithJitterUpToTheCap() {
    for (int i = 0; i < 50; i++) {
      assertThat(backoff.delay(1, null)).get().matches(d -> between(d, 500, 1000));
      assertThat(backoff.delay(2, null)).get().matches(d -> between(d, 1000, 2000));
      assertThat(backoff.delay(3, null)).get().matches(d -> between(d, 2000, 4000));
      assertThat(backoff.delay(30, null)).get().matches(d -> between(d, 4000, 8000));
    }
  }

  @Test
  void jitterSpreadsTheWaits() {
    var waits = java.util.stream.IntStream.range(0, 20).mapToObj(i -> backoff.delay(3, null));
    assertThat(waits.distinct().count()).isGreaterThan(5);
  }

  @Test
  void retryAfterIsHonouredAndATooLongOneGivesUp() {
    assertThat(backoff.delay(1, Duration.ofSeconds(5))).get().matches(d -> between(d, 5000, 5000));
    assertThat(backoff.delay(3, Duration.ZERO)).get().matches(d -> between(d, 2000, 4000));
    assertThat(backoff.delay(1, Duration.ofMinutes(5))).isEmpty();
  }

  @Test
  void retryAfterIsReadInSecondsAsADateOrInMilliseconds() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    assertThat(Backoff.retryAfter(headers(Map.of("Retry-After", "7")), clock))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(
            Backoff.retryAfter(
                headers(Map.of("Retry-After", "Sun, 01 Mar 2026 10:00:30 GMT")), clock))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(Backoff.retryAfter(headers(Map.of("retry-after-ms", "1500")), clock))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(Backoff.retryAfter(headers(Map.of("Retry-After", "soon")), clock)).isNull();
    assertThat(Backoff.retryAfter(headers(Map.of()), clock)).isNull();
  }

  static boolean between(Duration d, long minMillis, long maxMillis) {
    return d.toMillis() >= minMillis && d.toMillis() <= maxMillis;
  }

  static Headers headers(Map<String, String> values) {
    Headers.Builder headers = Headers.builder();
    values.forEach(headers::put);
    return headers.build();
  }
}
