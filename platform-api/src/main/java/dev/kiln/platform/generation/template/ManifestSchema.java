package dev.kiln.platform.generation.template;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks manifest JSON against {@code generation/manifest.schema.json} (JSON Schema draft 2020-12)
 * and then against the rules a schema cannot state: unique names, relations and pages that point at
 * existing entities, routes that point at existing pages. Thread-safe.
 */
public final class ManifestSchema {

  /** The classpath location of the schema. */
  public static final String RESOURCE = "generation/manifest.schema.json";

  private static final Schema SCHEMA = load();

  private ManifestSchema() {}

  /**
   * The problems of a manifest, each a readable sentence naming where it is ({@code
   * $.entities[0].fields[2].type: ...}); empty when the manifest is valid. Never null, never
   * throws.
   */
  public static List<String> problems(String manifestJson) {
    JsonNode root;
    try {
      root = PrettyJson.parse(manifestJson);
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    for (Error error : SCHEMA.validate(root)) {
      problems.add(describe(error));
    }
    if (problems.isEmpty()) {
      problems.addAll(ManifestRules.problems(ManifestJson.read(root)));
    }
    return List.copyOf(problems);
  }

  /** The schema document itself, as JSON text. */
  public static String text() {
    try (InputStream in = resource()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code $.entities[0].fields[2].type: does not have a value in the enumeration [...]}. */
  private static String describe(Error error) {
    String pointer = error.getInstanceLocation().toString();
    String message = error.getMessage();
    if (message.startsWith(pointer + ": ")) {
      message = message.substring(pointer.length() + 2);
    }
    return jsonPath(pointer) + ": " + message;
  }

  /** A JSON pointer ({@code /entities/0/name}) as a JSON path ({@code $.entities[0].name}). */
  static String jsonPath(String pointer) {
    StringBuilder path = new StringBuilder("$");
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      path.append(name.matches("\\d+") ? "[" + name + "]" : "." + name);
    }
    return path.toString();
  }

  private static Schema load() {
    try (InputStream in = resource()) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource() {
    InputStream in = ManifestSchema.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the class path");
    }
    return in;
  }
}
