package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The built-in domain knowledge of {@code generation/vocabulary.json}: known entities with their
 * typical fields and parents, app kinds (domains), verbs that imply entities, and the rules that
 * turn a field name into a type. Immutable; maps keep file order.
 */
final class Vocabulary {

  /** A known entity: what it is usually made of. */
  record Template(
      String name,
      String icon,
      String kind,
      List<Field> fields,
      List<Parent> parents,
      List<String> samples) {}

  /**
   * Entities an entity usually belongs to: the first of {@code alternatives} present in an app.
   *
   * @param required whether the relation must be set (the vocabulary's first group, unless marked
   *     optional with {@code ?})
   */
  record Parent(List<String> alternatives, boolean required) {}

  /** A kind of app, recognised by keywords, with what such an app usually has. */
  record Domain(
      String kind,
      String label,
      List<String> keywords,
      List<String> entities,
      List<Role> roles,
      List<String> pages,
      Map<String, Template> overrides) {}

  static final String RESOURCE = "generation/vocabulary.json";
  private static final Pattern SPEC =
      Pattern.compile("^([a-z0-9_]+):([a-z_]+)(?:\\(([^)]*)\\))?(!?)$");
  private static final Vocabulary INSTANCE = load();

  private final Map<String, Set<String>> words;
  private final Set<String> icons;
  private final Map<String, Template> entities;
  private final Map<String, String> aliases;
  private final List<Domain> domains;
  private final Map<String, String> verbs;
  private final Map<String, String> customPages;
  private final Map<String, String> fieldPresets;
  private final Map<Pattern, FieldType> fieldRules;

  private Vocabulary(JsonNode root) {
    words = new LinkedHashMap<>();
    root.path("words")
        .properties()
        .forEach(e -> words.put(e.getKey(), Set.copyOf(strings(e.getValue()))));
    icons = new TreeSet<>(strings(root.path("icons")));
    entities = new LinkedHashMap<>();
    root.path("entities")
        .properties()
        .forEach(e -> entities.put(e.getKey(), template(e.getKey(), e.getValue())));
    aliases = map(root.path("aliases"));
    verbs = map(root.path("verbs"));
    customPages = map(root.path("customPages"));
    fieldPresets = map(root.path("fieldPresets"));
    fieldRules = new LinkedHashMap<>();
    root.path("fieldRules")
        .forEach(
            r ->
                fieldRules.put(
                    Pattern.compile(r.get(0).asString()), FieldType.fromJson(r.get(1).asString())));
    domains = new ArrayList<>();
    root.path("domains").forEach(d -> domains.add(domain(d)));
  }

  static Vocabulary get() {
    return INSTANCE;
  }

  /** A word list of the prompt reader ({@code function}, {@code notEntities}, ...); for lookups. */
  Set<String> words(String list) {
    Set<String> found = words.get(list);
    if (found == null) {
      throw new IllegalStateException(RESOURCE + " has no word list " + list);
    }
    return found;
  }

  List<Domain> domains() {
    return domains;
  }

  Map<String, String> verbs() {
    return verbs;
  }

  /** The kind of custom page ({@code reports}, {@code calendar}) a word names, if any. */
  Optional<String> customPage(String word) {
    return Optional.ofNullable(customPages.get(word));
  }

  /** The icon name if known, else {@code box}. */
  String icon(String name) {
    return icons.contains(name) ? name : "box";
  }

  Set<String> icons() {
    return icons;
  }

  /** The known entity a singular snake_case name means, directly or as an alias; else empty. */
  Optional<String> canonical(String singular) {
    if (entities.containsKey(singular)) {
      return Optional.of(singular);
    }
    return Optional.ofNullable(aliases.get(singular));
  }

  boolean isKnown(String singular) {
    return canonical(singular).isPresent();
  }

  /** The template of a known entity, the domain's variant first. */
  Optional<Template> template(String name, Domain domain) {
    if (domain != null && domain.overrides().containsKey(name)) {
      return Optional.of(domain.overrides().get(name));
    }
    return Optional.ofNullable(entities.get(name));
  }

  /**
   * A field for a name a user typed ("due date", "priority"), with enum values if given. The type
   * comes from the field rules; well-known names ({@code priority}) get their usual values.
   */
  Field guessField(String name, List<String> values, boolean required) {
    if (!values.isEmpty()) {
      return new Field(name, Names.label(name), FieldType.ENUM, required, values, null);
    }
    if (fieldPresets.containsKey(name)) {
      Field preset = parse(name + ":" + fieldPresets.get(name));
      return new Field(name, preset.label(), preset.type(), required, preset.values(), null);
    }
    for (Map.Entry<Pattern, FieldType> rule : fieldRules.entrySet()) {
      if (rule.getKey().matcher(name).matches()) {
        return Field.of(name, rule.getValue(), required);
      }
    }
    return Field.of(name, FieldType.TEXT, required);
  }

  /** Parses {@code name:type}, {@code name:enum(a,b)!}; {@code !} marks it required. */
  static Field parse(String spec) {
    Matcher m = SPEC.matcher(spec.replace(" ", ""));
    if (!m.matches()) {
      throw new IllegalArgumentException("bad field spec " + spec);
    }
    FieldType type = FieldType.fromJson(m.group(2));
    List<String> values =
        m.group(3) == null ? List.of() : Arrays.stream(m.group(3).split(",")).toList();
    return new Field(
        m.group(1), Names.label(m.group(1)), type, !m.group(4).isEmpty(), values, null);
  }

  private Template template(String name, JsonNode node) {
    List<Field> fields = strings(node.path("fields")).stream().map(Vocabulary::parse).toList();
    List<String> groups = strings(node.path("parents"));
    List<Parent> parents = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      String group = groups.get(g);
      boolean optional = group.startsWith("?");
      parents.add(new Parent(List.of(group.replace("?", "").split("\\|")), g == 0 && !optional));
    }
    return new Template(
        name,
        node.path("icon").asString("box"),
        node.path("kind").asString("thing"),
        fields,
        List.copyOf(parents),
        strings(node.path("samples")));
  }

  private Domain domain(JsonNode node) {
    List<Role> roles = new ArrayList<>();
    for (String spec : strings(node.path("roles"))) {
      String[] parts = spec.split(":");
      roles.add(new Role(parts[0], Names.label(parts[0]), parts[1]));
    }
    Map<String, Template> overrides = new LinkedHashMap<>();
    node.path("overrides")
        .properties()
        .forEach(e -> overrides.put(e.getKey(), template(e.getKey(), e.getValue())));
    return new Domain(
        node.path("kind").asString(),
        node.path("label").asString(),
        strings(node.path("keywords")),
        strings(node.path("entities")),
        roles,
        strings(node.path("pages")),
        overrides);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asString()));
    return List.copyOf(out);
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
    return out;
  }

  private static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new Vocabulary(
          PrettyJson.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
