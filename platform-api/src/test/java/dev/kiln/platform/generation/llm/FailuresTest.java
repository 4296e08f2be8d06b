package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailuresTest {

  static final Endpoint PLATFORM =
      new Endpoint(URI.create("https://p.example/v1"), "k", "m", false);
  static final Endpoint ORG = new Endpoint(URI.create("https://o.example/v1"), "k", "m", true);
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void providerOutagesAreRefunded() {
    var down =
        Failures.of(
            ProviderError.status(503, null, "overloaded").after(4), ORG, Usage.NONE, TIMEOUT);
    assertThat(down.kind()).isEqualTo(LlmFailure.Kind.UNAVAILABLE);
    assertThat(down.refundable()).isTrue();
    assertThat(down.getMessage()).contains("HTTP 503", "overloaded", "tried 4 times");
    var slow = Failures.of(ProviderError.timedOut(TIMEOUT), PLATFORM, Usage.NONE, TIMEOUT);
    assertThat(slow.kind()).isEqualTo(LlmFailure.Kind.TIMED_OUT);
    assertThat(slow.refundable()).isTrue();
    var limited =
        Failures.of(ProviderError.status(429, null, "").after(4), PLATFORM, Usage.NONE, TIMEOUT);
    assertThat(limited.kind()).isEqualTo(LlmFailure.Kind.RATE_LIMITED);
  }

  @Test
  void aRefusedOrgKeyIsTheOrgsFaultAndARefusedPlatformKeyIsOurs() {
    var org =
        Failures.of(ProviderError.status(401, null, "Incorrect API key"), ORG, Usage.NONE, TIMEOUT);
    assertThat(org.kind()).isEqualTo(LlmFailure.Kind.REJECTED);
    assertThat(org.refundable()).isFalse();
    assertThat(org.getMessage()).contains("your organization's key", "HTTP 401");
    var platform =
        Failures.of(
            ProviderError.status(401, null, "Incorrect API key"), PLATFORM, Usage.NONE, TIMEOUT);
    assertThat(platform.refundable()).isTrue();
    var badRequest = Failures.of(ProviderError.status(400, null, "bad"), ORG, Usage.NONE, TIMEOUT);
    assertThat(badRequest.refundable()).isTrue();
  }

  @Test
  void theUsageSoFarTravelsWithTheFailure() {
    var f = Failures.of(ProviderError.status(500, null, "x"), PLATFORM, new Usage(5, 6), TIMEOUT);
    assertThat(f.usage()).isEqualTo(new Usage(5, 6));
    assertThat(f.toProblemDetail(null).getProperties()).containsEntry("refundable", true);
  }
}
