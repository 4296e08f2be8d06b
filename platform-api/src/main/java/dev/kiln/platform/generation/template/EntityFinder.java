package dev.kiln.platform.generation.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the entities a prompt names: plural nouns anywhere ("with patients, appointments and
 * invoices"), known nouns in the app's own name ("a recipe site"), and nouns implied by verbs
 * ("users rate recipes" implies ratings). Each entity is found at its first mention, so the result
 * keeps the prompt's order.
 */
final class EntityFinder {

  /** Nouns that name what an app is rather than what it stores. */
  static final Set<String> CONTAINERS = Vocabulary.get().words("containers");

  /** Words before a verb that make it a verb ("members can book", "users rate"). */
  private static final Set<String> SUBJECTS = Vocabulary.get().words("subjects");

  private final Vocabulary vocabulary;
  private final Prompt prompt;

  EntityFinder(Vocabulary vocabulary, Prompt prompt) {
    this.vocabulary = vocabulary;
    this.prompt = prompt;
  }

  /** Entities named by plural nouns and verbs, each at its first position. */
  Map<String, Integer> explicit() {
    Map<String, Integer> found = new LinkedHashMap<>();
    for (int i = 0; i < prompt.size(); i++) {
      int at = i;
      verbEntity(i).ifPresent(e -> found.putIfAbsent(e, at));
      pluralMention(i).ifPresent(e -> found.putIfAbsent(e, at));
    }
    return found;
  }

  /**
   * Known nouns among the words of the app's name, but not the last ("recipe" of "recipe site").
   */
  Map<String, Integer> inName(AppName name) {
    Map<String, Integer> found = new LinkedHashMap<>();
    List<Integer> positions = name.headPositions();
    for (int k = 0; k < positions.size(); k++) {
      int i = positions.get(k);
      String word = prompt.at(i);
      boolean last = k == positions.size() - 1;
      if (last && CONTAINERS.contains(word) || Prompt.NOT_ENTITIES.contains(word)) {
        continue;
      }
      if (k > 0) {
        Optional<String> compound =
            vocabulary.canonical(prompt.at(positions.get(k - 1)) + "_" + Names.singularWord(word));
        if (compound.isPresent()) {
          found.putIfAbsent(compound.get(), positions.get(k - 1));
          continue;
        }
      }
      vocabulary.canonical(Names.singularWord(word)).ifPresent(e -> found.putIfAbsent(e, i));
    }
    return found;
  }

  /** The entity a plural noun at {@code i} names: a known compound, known noun or a new noun. */
  Optional<String> pluralMention(int i) {
    String word = prompt.at(i);
    if (!Prompt.isWord(word)
        || word.length() < 3
        || Prompt.NOT_ENTITIES.contains(word)
        || Prompt.FUNCTION_WORDS.contains(word)
        || vocabulary.customPage(word).isPresent()
        || !Names.isPlural(word)) {
      return Optional.empty();
    }
    String singular = Names.singular(word);
    Optional<String> compound = compound(i, singular);
    if (compound.isPresent()) {
      return compound;
    }
    Optional<String> known = vocabulary.canonical(singular);
    if (known.isPresent()) {
      return known;
    }
    if (isDomainKeyword(word)) {
      return Optional.empty();
    }
    return Optional.of(singular);
  }

  /** An entity named at {@code i} in any number ("patient", "patients", "menu items"). */
  Optional<String> mention(int i, Set<String> entities) {
    String word = prompt.at(i);
    if (!Prompt.isWord(word)) {
      return Optional.empty();
    }
    String singular = Names.singular(word);
    Optional<String> compound = compound(i, singular);
    if (compound.isPresent() && entities.contains(compound.get())) {
      return compound;
    }
    for (String candidate : List.of(singular, word)) {
      Optional<String> known = vocabulary.canonical(candidate);
      if (known.isPresent() && entities.contains(known.get())) {
        return known;
      }
      if (entities.contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The entity a verb at {@code i} implies when it reads as a verb ("users rate"). */
  Optional<String> verbEntity(int i) {
    String two = prompt.at(i) + " " + prompt.at(i + 1);
    String entity = vocabulary.verbs().get(two);
    if (entity == null) {
      entity = vocabulary.verbs().get(prompt.at(i));
    }
    if (entity == null) {
      return Optional.empty();
    }
    String before = prompt.at(i - 1);
    boolean subject =
        SUBJECTS.contains(before)
            || Names.isPlural(before) && !Prompt.NOT_ENTITIES.contains(before);
    return subject ? Optional.of(entity) : Optional.empty();
  }

  /** Whether the token at {@code i} is a verb this finder turned into an entity. */
  boolean isVerb(int i) {
    return verbEntity(i).isPresent();
  }

  private Optional<String> compound(int i, String singular) {
    String before = prompt.at(i - 1);
    if (!Prompt.isWord(before) || Prompt.FUNCTION_WORDS.contains(before)) {
      return Optional.empty();
    }
    return vocabulary.canonical(before + "_" + singular);
  }

  private boolean isDomainKeyword(String word) {
    return vocabulary.domains().stream().anyMatch(d -> d.keywords().contains(word));
  }
}
