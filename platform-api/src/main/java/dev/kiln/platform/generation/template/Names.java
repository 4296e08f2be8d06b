package dev.kiln.platform.generation.template;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * English number and the spellings of one name ({@code time_entry}) in every place it appears: SQL,
 * TypeScript, URLs and labels. Names are snake_case words; every method is pure.
 */
final class Names {

  private static final Map<String, String> IRREGULAR_PLURALS =
      Map.ofEntries(
          Map.entry("person", "people"),
          Map.entry("child", "children"),
          Map.entry("man", "men"),
          Map.entry("woman", "women"),
          Map.entry("staff", "staff"),
          Map.entry("shelf", "shelves"),
          Map.entry("leaf", "leaves"),
          Map.entry("life", "lives"),
          Map.entry("half", "halves"),
          Map.entry("knife", "knives"),
          Map.entry("wife", "wives"),
          Map.entry("analysis", "analyses"),
          Map.entry("criterion", "criteria"),
          Map.entry("status", "statuses"),
          Map.entry("bus", "buses"),
          Map.entry("campus", "campuses"),
          Map.entry("quiz", "quizzes"),
          Map.entry("foot", "feet"),
          Map.entry("tooth", "teeth"),
          Map.entry("mouse", "mice"));

  private static final Map<String, String> IRREGULAR_SINGULARS =
      IRREGULAR_PLURALS.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

  /** Nouns without a plural; never read as a list of things. */
  private static final Set<String> UNCOUNTABLE =
      Set.of(
          "equipment",
          "inventory",
          "series",
          "news",
          "data",
          "software",
          "feedback",
          "information",
          "furniture",
          "stock",
          "progress",
          "media");

  /** Words written in capitals in labels. */
  private static final Set<String> ACRONYMS =
      Set.of("id", "sku", "url", "vin", "isbn", "sla", "crm", "api", "faq", "vat", "hr", "ui");

  private Names() {}

  /** The plural of a snake_case name; only its last word changes. */
  static String plural(String name) {
    int cut = name.lastIndexOf('_') + 1;
    return name.substring(0, cut) + pluralWord(name.substring(cut));
  }

  /** The singular of a snake_case name; only its last word changes. */
  static String singular(String name) {
    int cut = name.lastIndexOf('_') + 1;
    return name.substring(0, cut) + singularWord(name.substring(cut));
  }

  /** True when the word reads as a plural noun ("patients", "people"), false for "status". */
  static boolean isPlural(String word) {
    if (UNCOUNTABLE.contains(word)) {
      return false;
    }
    return IRREGULAR_SINGULARS.containsKey(word) || !singularWord(word).equals(word);
  }

  static String pluralWord(String word) {
    if (UNCOUNTABLE.contains(word)) {
      return word;
    }
    if (IRREGULAR_PLURALS.containsKey(word)) {
      return IRREGULAR_PLURALS.get(word);
    }
    if (word.endsWith("y") && word.length() > 1 && !isVowel(word.charAt(word.length() - 2))) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    if (word.endsWith("s")
        || word.endsWith("x")
        || word.endsWith("z")
        || word.endsWith("ch")
        || word.endsWith("sh")) {
      return word + "es";
    }
    return word + "s";
  }

  static String singularWord(String word) {
    if (IRREGULAR_SINGULARS.containsKey(word)) {
      return IRREGULAR_SINGULARS.get(word);
    }
    if (IRREGULAR_PLURALS.containsKey(word) || UNCOUNTABLE.contains(word) || word.length() < 3) {
      return word;
    }
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("sses")
        || word.endsWith("xes")
        || word.endsWith("zes")
        || word.endsWith("ches")
        || word.endsWith("shes")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
      return word;
    }
    if (word.endsWith("s")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** {@code time_entry} to {@code timeEntry}. */
  static String camel(String name) {
    String pascal = pascal(name);
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** {@code time_entry} to {@code TimeEntry}. */
  static String pascal(String name) {
    return Arrays.stream(name.split("_"))
        .filter(w -> !w.isEmpty())
        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
        .collect(Collectors.joining());
  }

  /** {@code time_entries} to {@code time-entries}. */
  static String kebab(String name) {
    return name.replace('_', '-');
  }

  /** {@code date_of_birth} to {@code Date of birth}; acronyms in capitals ({@code SKU}). */
  static String label(String name) {
    String[] words = name.split("_");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      if (ACRONYMS.contains(word)) {
        out.append(word.toUpperCase(Locale.ROOT));
      } else if (out.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      } else {
        out.append(word);
      }
    }
    return out.toString();
  }

  /** {@code dental clinic crm} to {@code Dental Clinic CRM}. */
  static String title(String words) {
    return Arrays.stream(words.trim().split("[\\s_]+"))
        .filter(w -> !w.isEmpty())
        .map(
            w ->
                ACRONYMS.contains(w)
                    ? w.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1))
        .collect(Collectors.joining(" "));
  }

  /**
   * Lower-case words joined by {@code _}, anything else dropped: {@code "Due Date!"} to due_date.
   */
  static String snake(String words) {
    String cleaned =
        words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (!cleaned.isEmpty() && Character.isDigit(cleaned.charAt(0))) {
      cleaned = "n_" + cleaned;
    }
    return cleaned;
  }

  /** A URL slug: lower-case words joined by {@code -}. */
  static String slug(String words) {
    return kebab(snake(words));
  }
}
