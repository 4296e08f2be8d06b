package dev.kiln.platform.generation.llm;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters and logs every gateway call: {@code kiln.llm.requests} (timer by purpose, key and outcome)
 * and {@code kiln.llm.tokens} (by purpose, key and kind). Never logs a prompt or an answer.
 */
final class LlmMetrics {

  private static final Logger log = LoggerFactory.getLogger(LlmGateway.class);

  private final MeterRegistry meters;

  LlmMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void succeeded(Call call, Structured result, Duration took) {
    record(call, "ok", took);
    log.info(
        "LLM {} for org {}: {} with {} in {} ms, {} attempt(s), {} prompt + {} completion tokens",
        call.purpose(),
        call.org(),
        result.model(),
        key(call) + " key",
        took.toMillis(),
        result.attempts(),
        result.usage().promptTokens(),
        result.usage().completionTokens());
  }

  void failed(Call call, LlmFailure failure, Duration took) {
    record(call, failure.kind().name().toLowerCase(java.util.Locale.ROOT), took);
    log.warn(
        "LLM {} for org {} failed with {} after {} ms, {} attempt(s): {}",
        call.purpose(),
        call.org(),
        key(call) + " key",
        took.toMillis(),
        call.attempts(),
        failure.getMessage());
  }

  private void record(Call call, String outcome, Duration took) {
    meters
        .timer("kiln.llm.requests", "purpose", call.purpose(), "key", key(call), "outcome", outcome)
        .record(took);
    Usage usage = call.usage();
    meters
        .counter("kiln.llm.tokens", "purpose", call.purpose(), "key", key(call), "kind", "prompt")
        .increment(usage.promptTokens());
    meters
        .counter(
            "kiln.llm.tokens", "purpose", call.purpose(), "key", key(call), "kind", "completion")
        .increment(usage.completionTokens());
  }

  private static String key(Call call) {
    return call.endpoint().ownKey() ? "org" : "platform";
  }
}
