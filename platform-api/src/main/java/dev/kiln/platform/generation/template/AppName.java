package dev.kiln.platform.generation.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The name a prompt gives its app: the noun phrase it opens with ("a recipe site"), preceded by
 * what it is for when that is one thing ("for a dental clinic" makes "Dental Clinic CRM").
 *
 * @param name the display name
 * @param headPositions token positions of the opening noun phrase
 */
record AppName(String name, List<Integer> headPositions) {

  private static final Set<String> FILLER = Vocabulary.get().words("filler");

  private static final Set<String> BOUNDARIES = Vocabulary.get().words("boundaries");

  private static final int MAX_WORDS = 6;

  static AppName of(Prompt prompt, String fallback) {
    int i = 0;
    while (i < prompt.size()
        && (FILLER.contains(prompt.at(i))
            || prompt.at(i).equals("help") && prompt.at(i + 1).matches("me|us|to"))) {
      i++;
    }
    List<Integer> head = new ArrayList<>();
    while (i < prompt.size() && !BOUNDARIES.contains(prompt.at(i))) {
      if (Prompt.isWord(prompt.at(i)) && !Prompt.FUNCTION_WORDS.contains(prompt.at(i))) {
        head.add(i);
      }
      i++;
    }
    List<String> context = new ArrayList<>();
    if (prompt.at(i).equals("for") || prompt.at(i).equals("at")) {
      context = context(prompt, i + 1);
    }
    List<String> words = new ArrayList<>(context);
    head.stream().map(prompt::at).filter(w -> !Prompt.ADJECTIVES.contains(w)).forEach(words::add);
    if (words.isEmpty() || words.size() == 1 && EntityFinder.CONTAINERS.contains(words.get(0))) {
      words.addAll(0, List.of(fallback.toLowerCase(java.util.Locale.ROOT).split(" ")));
    }
    List<String> kept = words.subList(Math.max(0, words.size() - MAX_WORDS), words.size());
    return new AppName(Names.title(String.join(" ", kept)), List.copyOf(head));
  }

  /** The thing an app is for, if it is one thing: "a small warehouse" gives [warehouse]. */
  private static List<String> context(Prompt prompt, int from) {
    List<String> words = new ArrayList<>();
    int i = from;
    while (i < prompt.size() && !BOUNDARIES.contains(prompt.at(i))) {
      String word = prompt.at(i);
      if (Names.isPlural(word) && !Prompt.NOT_ENTITIES.contains(word)) {
        return List.of();
      }
      if (Prompt.isWord(word)
          && !Prompt.FUNCTION_WORDS.contains(word)
          && !Prompt.ADJECTIVES.contains(word)
          && !FILLER.contains(word)) {
        words.add(word);
      }
      i++;
    }
    return words.size() <= 3 ? words : List.of();
  }
}
