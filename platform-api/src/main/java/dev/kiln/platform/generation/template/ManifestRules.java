package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.Manifest.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The consistency rules of a manifest that JSON Schema cannot express. */
final class ManifestRules {

  /** Columns every table has; a field may not take their names. */
  static final Set<String> IMPLICIT_COLUMNS =
      Set.of("id", "org_id", "created_by", "created_at", "updated_at");

  private ManifestRules() {}

  static List<String> problems(Manifest manifest) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> plurals = new HashSet<>();
    for (Entity entity : manifest.entities()) {
      if (!names.add(entity.name()) | !plurals.add(entity.plural())) {
        problems.add("entity \"" + entity.name() + "\" is declared twice");
      }
      if (entity.name().equals(entity.plural())) {
        problems.add("entity \"" + entity.name() + "\" needs a plural that differs from its name");
      }
    }
    for (Entity entity : manifest.entities()) {
      fieldProblems(entity, names, problems);
    }
    Set<String> pageIds = new HashSet<>();
    for (Page page : manifest.pages()) {
      if (!pageIds.add(page.id())) {
        problems.add("page \"" + page.id() + "\" is declared twice");
      }
      if (page.entity() != null && !names.contains(page.entity())) {
        problems.add(
            "page \"" + page.id() + "\" shows the unknown entity \"" + page.entity() + "\"");
      }
    }
    Set<String> paths = new HashSet<>();
    for (Route route : manifest.routes()) {
      if (!paths.add(route.path())) {
        problems.add("route " + route.path() + " is declared twice");
      }
      if (!pageIds.contains(route.page())) {
        problems.add("route " + route.path() + " shows the unknown page \"" + route.page() + "\"");
      }
    }
    return problems;
  }

  private static void fieldProblems(Entity entity, Set<String> entities, List<String> problems) {
    Set<String> columns = new HashSet<>();
    String where = "entity \"" + entity.name() + "\": field \"";
    for (Field field : entity.fields()) {
      String column = field.type() == FieldType.BELONGS_TO ? field.name() + "_id" : field.name();
      if (IMPLICIT_COLUMNS.contains(column)) {
        problems.add(where + field.name() + "\" takes the name of a built-in column");
      } else if (!columns.add(column)) {
        problems.add(where + field.name() + "\" is declared twice");
      }
      if (field.type() == FieldType.BELONGS_TO && !entities.contains(field.target())) {
        problems.add(
            where + field.name() + "\" belongs to the unknown entity \"" + field.target() + "\"");
      }
    }
  }
}
