package dev.kiln.platform.generation.llm;

import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** One {@link LlmGateway#structured} call in progress: what was asked and what it has cost. */
final class Call {

  private final UUID org;
  private final String purpose;
  private final Endpoint endpoint;
  private final OutputCheck.CompiledSchema schema;
  private final double temperature;
  private final Consumer<String> tokens;
  private Usage usage = Usage.NONE;
  private int attempts;
  private String model;

  Call(
      UUID org,
      String purpose,
      Endpoint endpoint,
      OutputCheck.CompiledSchema schema,
      double temperature,
      Consumer<String> tokens) {
    this.org = org;
    this.purpose = purpose;
    this.endpoint = endpoint;
    this.schema = schema;
    this.temperature = temperature;
    this.tokens = tokens;
    this.model = endpoint.model();
  }

  /** Counts an answer: its tokens, and the model the provider says answered. */
  void answered(ChatCompletions.Reply reply) {
    usage = usage.plus(reply.usage());
    attempts++;
    if (reply.model() != null && !reply.model().isBlank()) {
      model = reply.model();
    }
  }

  Structured result(JsonNode value) {
    return new Structured(value, usage, model, attempts, endpoint.ownKey());
  }

  UUID org() {
    return org;
  }

  String purpose() {
    return purpose;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  OutputCheck.CompiledSchema schema() {
    return schema;
  }

  double temperature() {
    return temperature;
  }

  /** Null when the answer is not streamed. */
  Consumer<String> tokens() {
    return tokens;
  }

  Usage usage() {
    return usage;
  }

  int attempts() {
    return attempts;
  }

  String model() {
    return model;
  }
}
