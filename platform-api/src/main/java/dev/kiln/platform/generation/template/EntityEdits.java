package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.TemplateEngine.NotUnderstood;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follow-ups that add, rename or remove a whole entity. A new known entity gets its usual fields
 * and parents; renaming or removing one also updates the relations that point at it.
 */
final class EntityEdits {

  private final Manifest m;
  private final Vocabulary vocabulary;
  private final ManifestEdits lookup;

  EntityEdits(Manifest m, Vocabulary vocabulary, ManifestEdits lookup) {
    this.m = m;
    this.vocabulary = vocabulary;
    this.lookup = lookup;
  }

  Manifest remove(Entity gone) {
    if (m.entities().size() == 1) {
      throw new NotUnderstood(
          "An app keeps at least one entity; add another before removing "
              + gone.pluralLabel().toLowerCase(Locale.ROOT)
              + ".");
    }
    List<Entity> entities = new ArrayList<>();
    for (Entity e : m.entities()) {
      if (e == gone) {
        continue;
      }
      List<Field> kept = e.fields().stream().filter(f -> !gone.name().equals(f.target())).toList();
      entities.add(
          kept.size() == e.fields().size()
              ? e
              : e.withFields(kept.isEmpty() ? Planner.generic() : kept));
    }
    return Pages.relayout(m, entities, Pages.customPages(m));
  }

  Manifest rename(Entity old, String name) {
    if (name.isEmpty() || lookup.entity(name).filter(e -> e != old).isPresent()) {
      throw new NotUnderstood("There already is an entity called " + name + ".");
    }
    String plural = Names.plural(name);
    List<Entity> entities = new ArrayList<>();
    for (Entity e : m.entities()) {
      Entity renamed =
          e == old
              ? new Entity(
                  name, plural, Names.label(name), Names.label(plural), e.icon(), e.fields())
              : e;
      List<Field> fields = new ArrayList<>();
      boolean changed = false;
      for (Field f : renamed.fields()) {
        if (old.name().equals(f.target())) {
          boolean sameName = f.name().equals(old.name());
          fields.add(
              new Field(
                  sameName ? name : f.name(),
                  sameName ? Names.label(name) : f.label(),
                  f.type(),
                  f.required(),
                  f.values(),
                  name));
          changed = true;
        } else {
          fields.add(f);
        }
      }
      entities.add(changed ? renamed.withFields(fields) : renamed);
    }
    return Pages.relayout(m, entities, Pages.customPages(m));
  }

  Optional<Manifest> add(boolean marked, String nameWords, String fieldWords) {
    String words = FieldPhrases.strip(nameWords);
    String name = Names.singular(Names.snake(words));
    String last = words.substring(words.lastIndexOf(' ') + 1);
    boolean noun = marked || Names.isPlural(last) || vocabulary.canonical(name).isPresent();
    if (!noun
        || name.isEmpty()
        || name.split("_").length > 3
        || !name.matches("[a-z][a-z0-9_]*")
        || (" " + words + " ").matches(".* (it|this|that|them|me|us|something|stuff) .*")) {
      return Optional.empty();
    }
    if (lookup.entity(name).isPresent()) {
      throw new NotUnderstood(
          "The app already has "
              + lookup.entity(name).get().pluralLabel().toLowerCase(Locale.ROOT)
              + ".");
    }
    String known = vocabulary.canonical(name).orElse(null);
    Vocabulary.Template template =
        known == null ? null : vocabulary.template(known, domain()).orElse(null);
    List<Field> fields;
    if (fieldWords != null) {
      fields = FieldPhrases.parse(fieldWords, vocabulary, w -> lookup.entity(w).map(Entity::name));
      if (fields.isEmpty()) {
        return Optional.empty();
      }
    } else {
      fields = template == null ? Planner.generic() : template.fields();
    }
    if (template != null) {
      fields = withParents(fields, template);
    }
    String plural = Names.plural(name);
    Entity entity =
        new Entity(
            name,
            plural,
            Names.label(name),
            Names.label(plural),
            vocabulary.icon(template == null ? "box" : template.icon()),
            fields);
    List<Entity> entities = new ArrayList<>(m.entities());
    entities.add(entity);
    return Optional.of(Pages.relayout(m, entities, Pages.customPages(m)));
  }

  private List<Field> withParents(List<Field> fields, Vocabulary.Template template) {
    List<Field> out = new ArrayList<>(fields);
    int at =
        !out.isEmpty()
                && (out.get(0).type() == FieldType.TEXT || out.get(0).type() == FieldType.EMAIL)
            ? 1
            : 0;
    for (Vocabulary.Parent parent : template.parents()) {
      parent.alternatives().stream()
          .filter(p -> m.entity(p).isPresent())
          .findFirst()
          .filter(p -> out.stream().noneMatch(f -> f.name().equals(p)))
          .ifPresent(
              p -> out.add(Math.min(at, out.size()), Planner.relation(p, parent.required())));
    }
    return out;
  }

  private Vocabulary.Domain domain() {
    return vocabulary.domains().stream()
        .filter(d -> d.kind().equals(m.app().kind()))
        .findFirst()
        .orElse(null);
  }
}
