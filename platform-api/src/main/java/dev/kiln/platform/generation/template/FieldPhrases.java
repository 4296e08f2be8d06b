package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of a follow-up: "a due date and a priority (low, medium, high)", "a required
 * number field called capacity", "name and email", "a project" (a relation when an entity has that
 * name). Types not stated come from the vocabulary's field rules.
 */
final class FieldPhrases {

  private static final Map<String, FieldType> TYPE_WORDS =
      Map.ofEntries(
          Map.entry("text", FieldType.TEXT),
          Map.entry("string", FieldType.TEXT),
          Map.entry("long text", FieldType.LONG_TEXT),
          Map.entry("long_text", FieldType.LONG_TEXT),
          Map.entry("paragraph", FieldType.LONG_TEXT),
          Map.entry("textarea", FieldType.LONG_TEXT),
          Map.entry("number", FieldType.NUMBER),
          Map.entry("numeric", FieldType.NUMBER),
          Map.entry("integer", FieldType.NUMBER),
          Map.entry("decimal", FieldType.NUMBER),
          Map.entry("money", FieldType.MONEY),
          Map.entry("currency", FieldType.MONEY),
          Map.entry("amount", FieldType.MONEY),
          Map.entry("boolean", FieldType.BOOLEAN),
          Map.entry("checkbox", FieldType.BOOLEAN),
          Map.entry("flag", FieldType.BOOLEAN),
          Map.entry("yes no", FieldType.BOOLEAN),
          Map.entry("toggle", FieldType.BOOLEAN),
          Map.entry("date", FieldType.DATE),
          Map.entry("datetime", FieldType.DATETIME),
          Map.entry("date and time", FieldType.DATETIME),
          Map.entry("timestamp", FieldType.DATETIME),
          Map.entry("email", FieldType.EMAIL),
          Map.entry("email address", FieldType.EMAIL));

  private static final Set<String> DROPPED =
      Set.of(
          "a",
          "an",
          "the",
          "new",
          "field",
          "fields",
          "column",
          "columns",
          "property",
          "optional",
          "attribute",
          "required",
          "mandatory",
          "some",
          "their",
          "its",
          "each",
          "own",
          "value");

  private static final Pattern NAMED = Pattern.compile("^(.*?)\\b(?:called|named)\\s+(.+)$");
  private static final Pattern AS_TYPE = Pattern.compile("^(.+?)\\s+as\\s+(?:a|an)?\\s*(.+)$");
  private static final Pattern VALUES = Pattern.compile("^(.*?)\\s*\\(([^)]*)\\)\\s*(.*)$");

  private FieldPhrases() {}

  /**
   * The fields a phrase lists. {@code entityNamed} answers the entity a word names, for relations.
   * Empty when a part does not read as a field name.
   */
  static List<Field> parse(
      String phrase, Vocabulary vocabulary, Function<String, Optional<String>> entityNamed) {
    List<Field> fields = new ArrayList<>();
    for (String item : split(phrase)) {
      Optional<Field> field = field(item.trim(), vocabulary, entityNamed);
      if (field.isEmpty()) {
        return List.of();
      }
      fields.add(field.get());
    }
    return fields;
  }

  /** Splits on commas and "and" outside brackets. */
  static List<String> split(String phrase) {
    List<String> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    String[] words =
        phrase.replace(",", " , ").replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
    for (String word : words) {
      depth += word.equals("(") ? 1 : word.equals(")") ? -1 : 0;
      boolean separator =
          depth == 0 && (word.equals(",") || word.equals("and") || word.equals("plus"));
      if (separator) {
        if (!current.isEmpty()) {
          items.add(current.toString().trim());
        }
        current.setLength(0);
      } else {
        current.append(word).append(' ');
      }
    }
    if (!current.isEmpty()) {
      items.add(current.toString().trim());
    }
    return items;
  }

  private static Optional<Field> field(
      String item, Vocabulary vocabulary, Function<String, Optional<String>> entityNamed) {
    String text = item.replace(" ( ", " (").replace(" ) ", ") ").replace(" )", ")").trim();
    boolean required = text.matches(".*\\b(required|mandatory)\\b.*");
    List<String> values = List.of();
    FieldType stated = null;
    Matcher v = VALUES.matcher(text);
    if (v.matches()) {
      String inside = v.group(2).trim();
      FieldType type = TYPE_WORDS.get(inside);
      if (type != null) {
        stated = type;
      } else {
        values = enumValues(inside);
      }
      text = (v.group(1) + " " + v.group(3)).trim();
    }
    Matcher named = NAMED.matcher(text);
    String nameWords;
    if (named.matches()) {
      nameWords = named.group(2);
      stated = stated != null ? stated : typeIn(named.group(1));
    } else {
      Matcher as = AS_TYPE.matcher(text);
      if (as.matches() && TYPE_WORDS.containsKey(strip(as.group(2)))) {
        nameWords = as.group(1);
        stated = TYPE_WORDS.get(strip(as.group(2)));
      } else {
        nameWords = text;
      }
    }
    String name = Names.snake(strip(nameWords));
    if (name.isEmpty() || name.length() > 40 || name.split("_").length > 5) {
      return Optional.empty();
    }
    Optional<String> target = entityNamed.apply(name);
    if (target.isPresent() && values.isEmpty() && stated == null) {
      return Optional.of(Planner.relation(target.get(), required));
    }
    Field guess = vocabulary.guessField(name, values, required);
    if (stated != null && values.isEmpty()) {
      return Optional.of(Field.of(name, stated, required));
    }
    return Optional.of(guess);
  }

  /** The type some words state; the longest type phrase wins ("date and time" over "date"). */
  private static FieldType typeIn(String words) {
    String stripped = " " + strip(words) + " ";
    return TYPE_WORDS.entrySet().stream()
        .filter(e -> stripped.contains(" " + e.getKey() + " "))
        .max(
            Comparator.<Map.Entry<String, FieldType>>comparingInt(e -> e.getKey().length())
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getValue)
        .orElse(null);
  }

  private static List<String> enumValues(String inside) {
    return Arrays.stream(inside.split(",|\\bor\\b|\\band\\b|/"))
        .map(String::trim)
        .map(Names::snake)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  /** The words without articles, "field", "required" and the like. */
  static String strip(String words) {
    List<String> kept = new ArrayList<>();
    for (String word : words.trim().split("\\s+")) {
      if (!DROPPED.contains(word)) {
        kept.add(word);
      }
    }
    return String.join(" ", kept);
  }
}
