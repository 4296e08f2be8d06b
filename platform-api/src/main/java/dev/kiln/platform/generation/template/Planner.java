package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.App;
import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.Manifest.Role;
import dev.kiln.platform.generation.template.Vocabulary.Domain;
import dev.kiln.platform.generation.template.Vocabulary.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a prompt into a manifest without a model: recognises the kind of app from keywords, the
 * entities from nouns and verbs, their fields from the vocabulary (or name, description for an
 * unknown noun), and relations from phrasing and domain knowledge. Pure and deterministic.
 */
final class Planner {

  static final int MAX_ENTITIES = 12;
  private static final List<Role> DEFAULT_ROLES =
      List.of(
          new Role("admin", "Admin", "manage"),
          new Role("editor", "Editor", "edit"),
          new Role("viewer", "Viewer", "view"));

  private final Vocabulary vocabulary;

  Planner(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  Manifest plan(String text) {
    Prompt prompt = Prompt.of(text);
    Domain domain = domain(prompt);
    AppName name = AppName.of(prompt, domain == null ? "My App" : domain.label());
    EntityFinder finder = new EntityFinder(vocabulary, prompt);
    List<String> names = entityNames(finder, name, domain);
    List<Relations.Link> links = Relations.infer(prompt, finder, names, vocabulary, domain);
    List<Entity> entities = new ArrayList<>();
    for (String entity : names) {
      entities.add(entity(entity, domain, links));
    }
    Pages.Layout layout = Pages.derive(entities, customPages(prompt, domain));
    App app =
        new App(
            name.name(),
            Names.slug(name.name()),
            domain == null ? "custom" : domain.kind(),
            description(text));
    return new Manifest(
        Manifest.FORMAT,
        app,
        entities,
        domain == null ? DEFAULT_ROLES : domain.roles(),
        layout.pages(),
        layout.routes(),
        List.of(prompt.find("supabase") >= 0 ? "supabase" : "postgres"));
  }

  /** The domain whose keywords occur most often; ties go to the earliest mention. */
  Domain domain(Prompt prompt) {
    Domain best = null;
    int bestScore = 0;
    int bestAt = Integer.MAX_VALUE;
    for (Domain domain : vocabulary.domains()) {
      int score = 0;
      int at = Integer.MAX_VALUE;
      for (String keyword : domain.keywords()) {
        int n = prompt.count(keyword);
        if (n > 0) {
          score += n;
          at = Math.min(at, prompt.find(keyword));
        }
      }
      if (score > bestScore || score == bestScore && score > 0 && at < bestAt) {
        best = domain;
        bestScore = score;
        bestAt = at;
      }
    }
    return best;
  }

  private List<String> entityNames(EntityFinder finder, AppName name, Domain domain) {
    Map<String, Integer> found = new LinkedHashMap<>(finder.inName(name));
    Map<String, Integer> explicit = finder.explicit();
    boolean onlyTheAppItself = found.keySet().containsAll(explicit.keySet());
    explicit.forEach(found::putIfAbsent);
    if (onlyTheAppItself) {
      List<String> defaults = domain == null ? List.of("item") : domain.entities();
      for (int k = 0; k < defaults.size(); k++) {
        found.putIfAbsent(defaults.get(k), 10_000 + k);
      }
    }
    return found.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .limit(MAX_ENTITIES)
        .toList();
  }

  private Entity entity(String name, Domain domain, List<Relations.Link> links) {
    Template template = vocabulary.template(name, domain).orElse(null);
    List<Field> fields = new ArrayList<>(template == null ? generic() : template.fields());
    List<Field> relations =
        links.stream()
            .filter(l -> l.child().equals(name))
            .map(l -> relation(l.parent(), l.required()))
            .toList();
    fields.removeIf(f -> relations.stream().anyMatch(r -> r.name().equals(f.name())));
    int at = !fields.isEmpty() && isTitle(fields.get(0)) ? 1 : 0;
    fields.addAll(at, relations);
    String plural = Names.plural(name);
    return new Entity(
        name,
        plural,
        Names.label(name),
        Names.label(plural),
        vocabulary.icon(template == null ? "box" : template.icon()),
        fields);
  }

  /** The fields of a noun the vocabulary does not know. */
  static List<Field> generic() {
    return List.of(
        Field.of("name", FieldType.TEXT, true),
        Field.of("description", FieldType.LONG_TEXT, false));
  }

  static Field relation(String target, boolean required) {
    return new Field(
        target, Names.label(target), FieldType.BELONGS_TO, required, List.of(), target);
  }

  private static boolean isTitle(Field field) {
    return field.type() == FieldType.TEXT || field.type() == FieldType.EMAIL;
  }

  private List<Page> customPages(Prompt prompt, Domain domain) {
    Map<String, Integer> found = new LinkedHashMap<>();
    for (int i = 0; i < prompt.size(); i++) {
      int at = i;
      vocabulary.customPage(prompt.at(i)).ifPresent(p -> found.putIfAbsent(p, at));
    }
    if (domain != null) {
      domain.pages().forEach(p -> found.putIfAbsent(p, 10_000));
    }
    return found.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> Pages.custom(e.getKey()))
        .toList();
  }

  /** The prompt as one tidy sentence of at most 300 characters. */
  static String description(String prompt) {
    String s = prompt.replaceAll("[\\p{Cntrl}<>{}`\\\\]+", " ").replaceAll("\\s+", " ").trim();
    if (s.length() > 300) {
      s = s.substring(0, 297).trim() + "...";
    }
    if (s.isEmpty()) {
      return "An app generated by Kiln.";
    }
    s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return s.matches(".*[.!?]$") ? s : s + ".";
  }
}
