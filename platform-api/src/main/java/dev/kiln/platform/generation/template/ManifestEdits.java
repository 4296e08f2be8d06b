package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.App;
import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.TemplateEngine.NotUnderstood;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes one follow-up clause can make to one manifest, each touching only what it names.
 * Lookups accept what a person types: "tasks", "Task", "time entries", "the due date".
 */
final class ManifestEdits {

  private final Manifest m;
  private final Vocabulary vocabulary;

  ManifestEdits(Manifest m, Vocabulary vocabulary) {
    this.m = m;
    this.vocabulary = vocabulary;
  }

  /** The entity some words name: its name or label, singular or plural. */
  Optional<Entity> entity(String words) {
    String snake =
        Names.snake(
            words.replaceAll(
                "\\b(a|an|the|all|each|every|my|our|entity|entities|table|tables|section|model)\\b",
                " "));
    if (snake.isEmpty()) {
      return Optional.empty();
    }
    String singular = Names.singular(snake);
    String canonical = vocabulary.canonical(singular).orElse(singular);
    return m.entities().stream()
        .filter(
            e ->
                e.name().equals(snake)
                    || e.plural().equals(snake)
                    || e.name().equals(singular)
                    || e.name().equals(canonical))
        .findFirst();
  }

  Optional<Field> field(Entity entity, String words) {
    String snake = Names.snake(FieldPhrases.strip(words));
    return entity.fields().stream()
        .filter(
            f ->
                f.name().equals(snake)
                    || Names.snake(f.label()).equals(snake)
                    || (f.name() + "_id").equals(snake)
                    || f.name().equals(Names.singular(snake)))
        .findFirst();
  }

  Optional<Manifest> addFields(String entityWords, String fieldWords) {
    Entity entity = entity(entityWords).orElseThrow();
    List<Field> added =
        FieldPhrases.parse(fieldWords, vocabulary, w -> entity(w).map(Entity::name));
    if (added.isEmpty()) {
      return Optional.empty();
    }
    List<Field> fields = new ArrayList<>(entity.fields());
    for (Field field : added) {
      if (field(entity, field.name()).isPresent()
          || ManifestRules.IMPLICIT_COLUMNS.contains(field.name())) {
        throw new NotUnderstood(
            entity.pluralLabel() + " already have " + field.label().toLowerCase(Locale.ROOT) + ".");
      }
      fields.add(field);
    }
    return Optional.of(replace(entity, entity.withFields(fields)));
  }

  Optional<Manifest> removeField(String entityWords, String fieldWords) {
    Entity entity = entity(entityWords).orElseThrow();
    Field field =
        field(entity, fieldWords)
            .orElseThrow(
                () ->
                    new NotUnderstood(
                        entity.pluralLabel()
                            + " have no field \""
                            + fieldWords
                            + "\"; they have "
                            + entity.fields().stream().map(Field::label).toList()
                            + "."));
    if (entity.fields().size() == 1) {
      throw new NotUnderstood(
          "An entity keeps at least one field; remove "
              + entity.pluralLabel().toLowerCase(Locale.ROOT)
              + " instead.");
    }
    List<Field> fields = new ArrayList<>(entity.fields());
    fields.remove(field);
    return Optional.of(replace(entity, entity.withFields(fields)));
  }

  Optional<Manifest> remove(String words) {
    Optional<Entity> entity = entity(words);
    if (entity.isPresent()) {
      return Optional.of(entities().remove(entity.get()));
    }
    String page = Names.slug(FieldPhrases.strip(words.replaceAll("\\b(page|screen|view)\\b", "")));
    List<Page> custom = Pages.customPages(m);
    if (custom.stream().anyMatch(p -> p.id().equals(page))) {
      return Optional.of(
          Pages.relayout(
              m, m.entities(), custom.stream().filter(p -> !p.id().equals(page)).toList()));
    }
    Matcher of = Pattern.compile("^(.+?)\\s+(?:of|on|in|for)\\s+(?:the\\s+)?(.+)$").matcher(words);
    if (of.matches() && entity(of.group(2)).isPresent()) {
      return removeField(of.group(2), of.group(1));
    }
    return Optional.empty();
  }

  Optional<Manifest> rename(String from, String to) {
    if (from.matches("(the )?(app|application|project|site)( name)?")) {
      String name = Names.title(to);
      return Optional.of(
          new Manifest(
              m.version(),
              new App(name, Names.slug(name), m.app().kind(), m.app().description()),
              m.entities(),
              m.roles(),
              m.pages(),
              m.routes(),
              m.integrations()));
    }
    Optional<Entity> entity = entity(from);
    String newName = Names.singular(Names.snake(FieldPhrases.strip(to)));
    if (entity.isPresent()) {
      return Optional.of(entities().rename(entity.get(), newName));
    }
    Matcher of = Pattern.compile("^(.+?)\\s+(?:of|on|in|for)\\s+(?:the\\s+)?(.+)$").matcher(from);
    if (of.matches() && entity(of.group(2)).isPresent()) {
      Entity owner = entity(of.group(2)).get();
      return field(owner, of.group(1))
          .map(f -> renameField(owner, f, Names.snake(FieldPhrases.strip(to))));
    }
    List<Entity> owners = m.entities().stream().filter(e -> field(e, from).isPresent()).toList();
    if (owners.size() == 1) {
      Entity owner = owners.get(0);
      return Optional.of(
          renameField(
              owner, field(owner, from).orElseThrow(), Names.snake(FieldPhrases.strip(to))));
    }
    return Optional.empty();
  }

  private Manifest renameField(Entity owner, Field field, String name) {
    if (name.isEmpty() || field(owner, name).isPresent()) {
      throw new NotUnderstood(owner.pluralLabel() + " already have a field called " + name + ".");
    }
    List<Field> fields = new ArrayList<>();
    for (Field f : owner.fields()) {
      fields.add(
          f == field
              ? new Field(name, Names.label(name), f.type(), f.required(), f.values(), f.target())
              : f);
    }
    return replace(owner, owner.withFields(fields));
  }

  Optional<Manifest> required(String words, boolean required) {
    Matcher of = Pattern.compile("^(.+?)\\s+(?:of|on|in|for)\\s+(?:the\\s+)?(.+)$").matcher(words);
    List<Entity> owners = m.entities();
    String fieldWords = words;
    if (of.matches() && entity(of.group(2)).isPresent()) {
      owners = List.of(entity(of.group(2)).get());
      fieldWords = of.group(1);
    }
    for (Entity owner : owners) {
      Optional<Field> field = field(owner, fieldWords);
      if (field.isPresent()) {
        Field f = field.get();
        List<Field> fields = new ArrayList<>(owner.fields());
        fields.set(
            fields.indexOf(f),
            new Field(f.name(), f.label(), f.type(), required, f.values(), f.target()));
        return Optional.of(replace(owner, owner.withFields(fields)));
      }
    }
    return Optional.empty();
  }

  Optional<Manifest> addPage(String words) {
    String name = FieldPhrases.strip(words.replaceAll("\\b(page|screen|view)\\b", "")).trim();
    if (name.isEmpty() || name.split(" ").length > 4) {
      return Optional.empty();
    }
    String kind = vocabulary.customPage(name.replace(' ', '_')).orElse(null);
    Page page = Pages.custom(kind != null && name.split(" ").length == 1 ? kind : name);
    List<Page> custom = new ArrayList<>(Pages.customPages(m));
    if (custom.stream().anyMatch(p -> p.id().equals(page.id()))) {
      throw new NotUnderstood("The app already has a " + page.title() + " page.");
    }
    custom.add(page);
    return Optional.of(Pages.relayout(m, m.entities(), custom));
  }

  /**
   * Adds an entity: named explicitly ("an entity called vendors"), or by a plural noun or a noun
   * the vocabulary knows ("add invoices").
   */
  Optional<Manifest> addEntity(boolean marked, String nameWords, String fieldWords) {
    return entities().add(marked, nameWords, fieldWords);
  }

  private EntityEdits entities() {
    return new EntityEdits(m, vocabulary, this);
  }

  Manifest integration(String name) {
    return new Manifest(
        m.version(), m.app(), m.entities(), m.roles(), m.pages(), m.routes(), List.of(name));
  }

  private Manifest replace(Entity old, Entity updated) {
    List<Entity> entities = new ArrayList<>(m.entities());
    entities.set(entities.indexOf(old), updated);
    return new Manifest(
        m.version(), m.app(), entities, m.roles(), m.pages(), m.routes(), m.integrations());
  }
}
