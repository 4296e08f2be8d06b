package dev.kiln.platform.generation.llm;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a model's output is what was asked for: one JSON value (a Markdown code fence around it
 * is tolerated) valid against a JSON Schema (draft 2020-12). Problems are sentences a model can act
 * on in a repair request.
 */
final class OutputCheck {

  /** The most problems reported for one output; the rest are counted. */
  static final int MAX_PROBLEMS = 20;

  private static final int MAX_CACHED_SCHEMAS = 256;

  /**
   * @param value the parsed output; null when it did not parse
   * @param problems empty when the output is valid
   */
  record Outcome(JsonNode value, List<String> problems) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  /** A compiled schema and its JSON. */
  record CompiledSchema(JsonNode json, Schema schema) {}

  private final JsonMapper json;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, CompiledSchema> schemas = new ConcurrentHashMap<>();

  OutputCheck(JsonMapper json) {
    this.json = json;
  }

  /**
   * Parses and compiles a schema (cached by its text).
   *
   * @throws IllegalArgumentException when it is not JSON or not an object schema
   */
  CompiledSchema schema(String text) {
    CompiledSchema cached = schemas.get(text);
    if (cached != null) {
      return cached;
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The JSON Schema is not valid JSON", e);
    }
    if (!node.isObject() || !"object".equals(node.path("type").asString(""))) {
      throw new IllegalArgumentException(
          "Structured output needs a JSON Schema of type object at its root");
    }
    CompiledSchema compiled = new CompiledSchema(node, registry.getSchema(node));
    if (schemas.size() < MAX_CACHED_SCHEMAS) {
      schemas.put(text, compiled);
    }
    return compiled;
  }

  Outcome check(String output, CompiledSchema schema) {
    JsonNode value;
    try {
      value = json.readTree(unfenced(output));
    } catch (JacksonException e) {
      return new Outcome(null, List.of("it is not valid JSON: " + parseProblem(e)));
    }
    if (value == null || value.isMissingNode()) {
      return new Outcome(null, List.of("it is empty: a JSON object was expected"));
    }
    List<Error> errors = schema.schema().validate(value);
    List<String> problems = errors.stream().limit(MAX_PROBLEMS).map(OutputCheck::describe).toList();
    if (errors.size() > MAX_PROBLEMS) {
      problems =
          java.util.stream.Stream.concat(
                  problems.stream(),
                  java.util.stream.Stream.of(
                      "and " + (errors.size() - MAX_PROBLEMS) + " more problems"))
              .toList();
    }
    return new Outcome(value, problems);
  }

  private static String describe(Error error) {
    String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    return (at.isEmpty() ? "at the root" : "at " + at) + ": " + error.getMessage();
  }

  private static String parseProblem(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Unexpected end-of-input")) {
      message = "the text ends before the JSON is complete";
    }
    var where = e.getLocation();
    return where == null || where.getLineNr() < 1
        ? message
        : message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }

  /** The output without a surrounding Markdown code fence, which some models add anyway. */
  static String unfenced(String output) {
    String text = output.strip();
    if (!text.startsWith("```")) {
      return text;
    }
    int firstLine = text.indexOf('\n');
    if (firstLine < 0) {
      return text;
    }
    String inner = text.substring(firstLine + 1);
    return inner.endsWith("```") ? inner.substring(0, inner.length() - 3).strip() : inner.strip();
  }
}
