package dev.kiln.platform.generation.template;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes JSON exactly as Prettier formats a {@code .json} file (print width 80, two spaces): every
 * non-empty object expanded one property a line, an array on one line when it holds no object and
 * fits, else one element a line; a newline at the end. Output depends only on the tree, whose
 * property order is insertion order.
 */
final class PrettyJson {

  static final int WIDTH = 80;
  private static final JsonMapper MAPPER = JsonMapper.shared();

  private PrettyJson() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  static ArrayNode strings(Iterable<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's reason. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /** The document, formatted, ending with a newline. */
  static String print(JsonNode node) {
    StringBuilder out = new StringBuilder();
    value(node, 0, 0, 0, out);
    return out.append('\n').toString();
  }

  private static void value(
      JsonNode node, int indent, int column, int trailing, StringBuilder out) {
    if (node.isObject() && !node.isEmpty()) {
      objectValue(node, indent, out);
    } else if (node.isArray() && !node.isEmpty()) {
      String flat = mustBreak(node) ? null : flat(node);
      if (flat != null && column + flat.length() + trailing <= WIDTH) {
        out.append(flat);
      } else {
        arrayValue(node, indent, out);
      }
    } else {
      out.append(flat(node));
    }
  }

  private static void objectValue(JsonNode node, int indent, StringBuilder out) {
    out.append("{\n");
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> property = it.next();
      String prefix = quote(property.getKey()) + ": ";
      out.repeat(' ', indent + 2).append(prefix);
      int trailing = it.hasNext() ? 1 : 0;
      value(property.getValue(), indent + 2, indent + 2 + prefix.length(), trailing, out);
      out.append(it.hasNext() ? ",\n" : "\n");
    }
    out.repeat(' ', indent).append('}');
  }

  private static void arrayValue(JsonNode node, int indent, StringBuilder out) {
    out.append("[\n");
    for (int i = 0; i < node.size(); i++) {
      boolean more = i < node.size() - 1;
      out.repeat(' ', indent + 2);
      value(node.get(i), indent + 2, indent + 2, more ? 1 : 0, out);
      out.append(more ? ",\n" : "\n");
    }
    out.repeat(' ', indent).append(']');
  }

  /** Prettier breaks an array holding an expanded object, or two or more non-trivial arrays. */
  private static boolean mustBreak(JsonNode array) {
    boolean allArrays = array.size() > 1;
    for (JsonNode element : array) {
      if (element.isObject() && !element.isEmpty()) {
        return true;
      }
      if (element.isArray() && mustBreak(element)) {
        return true;
      }
      allArrays &= element.isArray() && element.size() > 1;
    }
    return allArrays;
  }

  private static String flat(JsonNode node) {
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(flat(node.get(i)));
      }
      return out.append(']').toString();
    }
    if (node.isObject()) {
      return "{}";
    }
    if (node.isString()) {
      return quote(node.stringValue());
    }
    return node.toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
