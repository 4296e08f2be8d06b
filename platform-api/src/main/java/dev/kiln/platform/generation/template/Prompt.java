package dev.kiln.platform.generation.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A prompt as lower-case word tokens: punctuation that separates items becomes {@code ","},
 * brackets stay as tokens, hyphenated words join with {@code _} ({@code check-ins} to {@code
 * check_ins}), possessives drop. Also the word lists the planner and revisions share.
 */
record Prompt(String text, List<String> tokens) {

  /** Words that never start, end or name anything: articles, determiners, filler. */
  static final Set<String> FUNCTION_WORDS = Vocabulary.get().words("function");

  /** Adjectives dropped from names and noun phrases ("a small warehouse" is a warehouse). */
  static final Set<String> ADJECTIVES = Vocabulary.get().words("adjectives");

  /** Words ending in s that are not plural nouns, and plural nouns that never name an entity. */
  static final Set<String> NOT_ENTITIES = Vocabulary.get().words("notEntities");

  Prompt {
    tokens = List.copyOf(tokens);
  }

  static Prompt of(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    s = s.replace("&", " and ").replace("’", "'").replaceAll("'s\\b", "").replace("'", "");
    s = s.replaceAll("([a-z0-9])-([a-z0-9])", "$1_$2").replaceAll("([a-z0-9])-([a-z0-9])", "$1_$2");
    s = s.replaceAll("[.;:!?/\\n\\r]+", " , ").replaceAll(",", " , ");
    s = s.replace("(", " ( ").replace(")", " ) ");
    s = s.replaceAll("[^a-z0-9_,() ]+", " ");
    List<String> tokens = new ArrayList<>();
    for (String token : s.trim().split("\\s+")) {
      if (!token.isEmpty() && !token.equals("_")) {
        tokens.add(token);
      }
    }
    return new Prompt(text, tokens);
  }

  int size() {
    return tokens.size();
  }

  String at(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : "";
  }

  /** The tokens joined by single spaces, wrapped in spaces, for phrase search. */
  String spaced() {
    return " " + String.join(" ", tokens) + " ";
  }

  /** Where the phrase (space-separated, normalised like a prompt) first starts, or -1. */
  int find(String phrase) {
    List<String> words = of(phrase).tokens();
    for (int i = 0; i + words.size() <= tokens.size(); i++) {
      if (tokens.subList(i, i + words.size()).equals(words)) {
        return i;
      }
    }
    return -1;
  }

  /** How often the phrase occurs as whole words. */
  int count(String phrase) {
    List<String> words = of(phrase).tokens();
    int n = 0;
    for (int i = 0; i + words.size() <= tokens.size(); i++) {
      if (!words.isEmpty() && tokens.subList(i, i + words.size()).equals(words)) {
        n++;
      }
    }
    return n;
  }

  static boolean isWord(String token) {
    return !token.isEmpty() && Character.isLetter(token.charAt(0));
  }
}
