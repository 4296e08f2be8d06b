package dev.kiln.platform.generation.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes TypeScript values as Prettier prints them (print width 80, trailing commas, double quotes
 * unless a string holds more double than single quotes): an object or array on one line when it
 * fits, else one entry a line. {@link Obj} with {@code expand} stays expanded, as Prettier keeps an
 * object whose first key starts a new line.
 */
final class TsCode {

  static final int WIDTH = 80;

  /** An object literal; keys are identifiers, in order. */
  record Obj(Map<String, Object> entries, boolean expand) {}

  /** Code printed as it is. */
  record Raw(String code) {}

  private TsCode() {}

  /** A string literal in the quotes Prettier prefers. */
  static String string(String text) {
    long doubles = text.chars().filter(c -> c == '"').count();
    long singles = text.chars().filter(c -> c == '\'').count();
    char quote = doubles > singles ? '\'' : '"';
    StringBuilder out = new StringBuilder().append(quote);
    for (char c : text.toCharArray()) {
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }

  /**
   * The value printed at {@code column} of a line indented by {@code indent}, followed on the same
   * line by {@code trailing} more characters.
   */
  static String value(Object value, int indent, int column, int trailing) {
    StringBuilder out = new StringBuilder();
    write(value, indent, column, trailing, out);
    return out.toString();
  }

  private static void write(Object value, int indent, int column, int trailing, StringBuilder out) {
    String flat = flat(value);
    if (flat != null && column + flat.length() + trailing <= WIDTH) {
      out.append(flat);
      return;
    }
    if (value instanceof Obj obj) {
      out.append("{\n");
      for (Map.Entry<String, Object> e : obj.entries().entrySet()) {
        String prefix = e.getKey() + ": ";
        int at = indent + 2 + prefix.length();
        if (e.getValue() instanceof String s && breaksAfterColon(e.getKey(), s, at)) {
          out.repeat(' ', indent + 2).append(e.getKey()).append(":\n");
          out.repeat(' ', indent + 4).append(string(s)).append(",\n");
          continue;
        }
        out.repeat(' ', indent + 2).append(prefix);
        write(e.getValue(), indent + 2, at, 1, out);
        out.append(",\n");
      }
      out.repeat(' ', indent).append('}');
    } else if (value instanceof List<?> list) {
      out.append("[\n");
      for (Object element : list) {
        out.repeat(' ', indent + 2);
        write(element, indent + 2, indent + 2, 1, out);
        out.append(",\n");
      }
      out.repeat(' ', indent).append(']');
    } else {
      out.append(scalar(value));
    }
  }

  /** The one-line form, or null when the value must break. */
  static String flat(Object value) {
    if (value instanceof Obj obj) {
      if (obj.entries().isEmpty()) {
        return "{}";
      }
      if (obj.expand()) {
        return null;
      }
      StringBuilder out = new StringBuilder("{ ");
      for (Map.Entry<String, Object> e : obj.entries().entrySet()) {
        String inner = flat(e.getValue());
        if (inner == null) {
          return null;
        }
        out.append(out.length() > 2 ? ", " : "").append(e.getKey()).append(": ").append(inner);
      }
      return out.append(" }").toString();
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return "[]";
      }
      if (list.size() > 1 && list.stream().allMatch(TsCode::isBigObject)) {
        return null;
      }
      StringBuilder out = new StringBuilder("[");
      for (Object element : list) {
        String inner = flat(element);
        if (inner == null) {
          return null;
        }
        out.append(out.length() > 1 ? ", " : "").append(inner);
      }
      return out.append(']').toString();
    }
    return scalar(value);
  }

  /**
   * Prettier moves a string that does not fit to its own line after the colon, unless the key is
   * shorter than five characters.
   */
  private static boolean breaksAfterColon(String key, String value, int column) {
    return key.length() >= 5 && column + string(value).length() + 1 > WIDTH;
  }

  private static boolean isBigObject(Object value) {
    return value instanceof Obj obj && obj.entries().size() > 1;
  }

  private static String scalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof BigDecimal d) {
      return SeedData.plain(d);
    }
    if (value instanceof Raw raw) {
      return raw.code();
    }
    return value.toString();
  }

  /** {@code import { a, b } from "x";} on one line if it fits, else one name a line. */
  static String importLine(List<String> names, String from, boolean typeOnly) {
    String head = typeOnly ? "import type " : "import ";
    String flat = head + "{ " + String.join(", ", names) + " } from " + string(from) + ";";
    if (flat.length() <= WIDTH) {
      return flat + "\n";
    }
    StringBuilder out = new StringBuilder(head).append("{\n");
    names.forEach(n -> out.append("  ").append(n).append(",\n"));
    return out.append("} from ").append(string(from)).append(";\n").toString();
  }

  /** {@code export type X = "a" | "b";}, broken into one member a line when too long. */
  static String unionType(String name, List<String> members) {
    List<String> quoted = members.stream().map(TsCode::string).toList();
    String flat = "export type " + name + " = " + String.join(" | ", quoted) + ";";
    if (flat.length() <= WIDTH) {
      return flat + "\n";
    }
    String indented = "  " + String.join(" | ", quoted) + ";";
    if (indented.length() <= WIDTH) {
      return "export type " + name + " =\n" + indented + "\n";
    }
    StringBuilder out = new StringBuilder("export type ").append(name).append(" =\n");
    for (int i = 0; i < quoted.size(); i++) {
      out.append("  | ").append(quoted.get(i)).append(i == quoted.size() - 1 ? ";\n" : "\n");
    }
    return out.toString();
  }

  /** {@code prefix = value;} with the value laid out as Prettier would after {@code prefix}. */
  static String assignment(String prefix, Object value) {
    String head = prefix + " = ";
    String flat = flat(value);
    if (flat != null && head.length() + flat.length() + 1 <= WIDTH) {
      return head + flat + ";\n";
    }
    return head + value(value, 0, head.length(), 1) + ";\n";
  }
}
