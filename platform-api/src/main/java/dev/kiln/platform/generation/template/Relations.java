package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Vocabulary.Domain;
import dev.kiln.platform.generation.template.Vocabulary.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which entity belongs to which: first from the prompt's phrasing ("appointments for
 * patients", "boards with columns", "users rate recipes"), then from domain knowledge (an invoice
 * belongs to a patient or client when the app has one). Never creates a cycle.
 */
final class Relations {

  /** {@code child} belongs to {@code parent}. */
  record Link(String child, String parent, boolean required) {}

  private static final Set<String> OWNED_BY =
      Set.of("for", "of", "per", "on", "in", "within", "under", "inside", "from", "about");
  private static final Set<String> OWNS =
      Set.of(
          "have",
          "has",
          "with",
          "contain",
          "contains",
          "containing",
          "hold",
          "holds",
          "include",
          "includes",
          "own",
          "owns",
          "get");

  private final Prompt prompt;
  private final EntityFinder finder;
  private final Vocabulary vocabulary;
  private final Domain domain;
  private final Set<String> entities;
  private final List<Link> links = new ArrayList<>();
  private final Set<Integer> attached = new HashSet<>();

  private Relations(
      Prompt prompt,
      EntityFinder finder,
      Set<String> entities,
      Vocabulary vocabulary,
      Domain domain) {
    this.prompt = prompt;
    this.finder = finder;
    this.entities = entities;
    this.vocabulary = vocabulary;
    this.domain = domain;
  }

  static List<Link> infer(
      Prompt prompt,
      EntityFinder finder,
      List<String> entities,
      Vocabulary vocabulary,
      Domain domain) {
    Relations r = new Relations(prompt, finder, new LinkedHashSet<>(entities), vocabulary, domain);
    for (int i = 0; i < prompt.size(); i++) {
      r.phrase(i);
      r.verb(i);
    }
    for (String entity : entities) {
      vocabulary.template(entity, domain).ifPresent(t -> r.fromDomain(entity, t));
    }
    return List.copyOf(r.links);
  }

  private void phrase(int i) {
    Optional<String> a = finder.mention(i, entities);
    if (a.isEmpty() || finder.isVerb(i) || attached.contains(i)) {
      return;
    }
    String next = prompt.at(i + 1);
    if (OWNED_BY.contains(next)) {
      ownedBy(a.get(), skip(i + 2));
    } else if (next.matches("belong|belongs|belonging") && prompt.at(i + 2).equals("to")) {
      ownedBy(a.get(), skip(i + 3));
    } else if (OWNS.contains(next) && Names.isPlural(prompt.at(i))) {
      int k = skip(i + 2);
      while (k < prompt.size()) {
        Optional<String> b = finder.mention(k, entities);
        if (b.isEmpty()) {
          break;
        }
        Optional<Vocabulary.Parent> usual = usualParent(a.get(), b.get());
        if (usual.isPresent()) {
          add(a.get(), b.get(), usual.get().required());
        } else {
          add(b.get(), a.get(), true);
        }
        String sep = prompt.at(k + 1);
        k = sep.equals(",") || sep.equals("and") ? skip(k + 2) : prompt.size();
      }
    }
  }

  /**
   * {@code child} belongs to what is named at {@code at}; a further "in ..." after it attaches to
   * the child too ("grades for students in courses": a grade has a student and a course).
   */
  private void ownedBy(String child, int at) {
    int k = at;
    while (k < prompt.size()) {
      Optional<String> parent = finder.mention(k, entities);
      if (parent.isEmpty()) {
        return;
      }
      add(child, parent.get(), true);
      attached.add(k);
      if (!OWNED_BY.contains(prompt.at(k + 1))) {
        return;
      }
      k = skip(k + 2);
    }
  }

  /** How the vocabulary lists {@code parent} among the parents of {@code child}, if it does. */
  private Optional<Vocabulary.Parent> usualParent(String child, String parent) {
    return vocabulary
        .template(child, domain)
        .flatMap(
            t -> t.parents().stream().filter(g -> g.alternatives().contains(parent)).findFirst());
  }

  private void verb(int i) {
    Optional<String> implied = finder.verbEntity(i);
    if (implied.isEmpty() || !entities.contains(implied.get())) {
      return;
    }
    String entity = implied.get();
    Optional<String> subject = finder.mention(i - 1, entities);
    if (subject.isEmpty() && prompt.at(i - 1).matches("can|could|may|will|to|who")) {
      subject = finder.mention(i - 2, entities);
    }
    for (int j = i + 1; j <= i + 4 && j < prompt.size(); j++) {
      Optional<String> object = finder.mention(j, entities);
      if (object.isPresent()) {
        add(entity, object.get(), true);
        break;
      }
      if (prompt.at(j).equals(",")) {
        break;
      }
    }
    subject.ifPresent(s -> add(entity, s, false));
  }

  private void fromDomain(String entity, Template template) {
    for (Vocabulary.Parent parent : template.parents()) {
      List<String> group = parent.alternatives();
      boolean linked =
          links.stream().anyMatch(l -> l.child().equals(entity) && group.contains(l.parent()));
      if (linked) {
        continue;
      }
      group.stream()
          .filter(entities::contains)
          .filter(p -> !p.equals(entity))
          .findFirst()
          .ifPresent(p -> add(entity, p, parent.required()));
    }
  }

  private Optional<String> target(int from) {
    return finder.mention(skip(from), entities);
  }

  private int skip(int from) {
    int k = from;
    while (Prompt.FUNCTION_WORDS.contains(prompt.at(k))
        || Prompt.ADJECTIVES.contains(prompt.at(k))) {
      k++;
    }
    return k;
  }

  private void add(String child, String parent, boolean required) {
    if (child.equals(parent) || reaches(parent, child)) {
      return;
    }
    if (links.stream().anyMatch(l -> l.child().equals(child) && l.parent().equals(parent))) {
      return;
    }
    links.add(new Link(child, parent, required));
  }

  /** Whether {@code from} already belongs, directly or not, to {@code to}. */
  private boolean reaches(String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    return links.stream()
        .filter(l -> l.child().equals(from))
        .anyMatch(l -> reaches(l.parent(), to));
  }
}
