package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.TsCode.Obj;
import dev.kiln.platform.generation.template.TsCode.Raw;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed data module of one entity, {@code lib/resources/<plural>.ts}: its row type, field
 * specs, seed rows and the resource that stores them. Depends on nothing but the entity, so it
 * changes only when the entity does.
 */
final class EntityModule {

  private EntityModule() {}

  static String path(Entity entity) {
    return "lib/resources/" + Names.kebab(entity.plural()) + ".ts";
  }

  /** The property a field has on a row: {@code dueDate}, {@code patientId}. */
  static String property(Field field) {
    return Names.camel(field.type() == FieldType.BELONGS_TO ? field.name() + "_id" : field.name());
  }

  /** The registry name and URL segment of an entity: {@code time-entries}. */
  static String resourceName(Entity entity) {
    return Names.kebab(entity.plural());
  }

  /** Names the module imports; an entity type never takes one of them. */
  private static final Set<String> IMPORTED = Set.of("FieldSpec", "Resource", "Entry", "Row");

  /** The row type of an entity: {@code TimeEntry}, or {@code ResourceItem} for a clash. */
  static String typeName(Entity entity) {
    String type = Names.pascal(entity.name());
    return IMPORTED.contains(type) ? type + "Item" : type;
  }

  /** The exported resource constant: {@code timeEntries}. */
  static String constant(Entity entity) {
    return Names.camel(entity.plural());
  }

  static String render(Manifest manifest, Entity entity) {
    String type = typeName(entity);
    String singular = Names.camel(entity.name());
    StringBuilder out = new StringBuilder();
    out.append("import { createCollection } from \"@/lib/data/store\";\n");
    out.append("import type { FieldSpec, Resource } from \"@/lib/data/types\";\n\n");
    for (Field field : entity.fields()) {
      if (field.type() == FieldType.ENUM) {
        out.append(TsCode.unionType(type + Names.pascal(field.name()), field.values()))
            .append('\n');
      }
    }
    out.append("export type ").append(type).append(" = {\n  id: number;\n");
    for (Field field : entity.fields()) {
      out.append("  ")
          .append(property(field))
          .append(": ")
          .append(tsType(type, field))
          .append(";\n");
    }
    out.append("  createdAt: string;\n  updatedAt: string;\n};\n\n");
    List<Object> specs = new ArrayList<>();
    entity.fields().forEach(f -> specs.add(spec(manifest, f)));
    out.append(TsCode.assignment("export const " + singular + "Fields: FieldSpec[]", specs))
        .append('\n');
    out.append(
        TsCode.assignment(
            "export const " + singular + "Seed: " + type + "[]", seed(manifest, entity)));
    out.append('\n');
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("name", resourceName(entity));
    resource.put("singular", entity.label());
    resource.put("plural", entity.pluralLabel());
    resource.put("path", "/" + resourceName(entity));
    resource.put("icon", entity.icon());
    String title = SeedData.titleField(entity);
    resource.put("titleField", title == null ? null : property(entity.field(title).orElseThrow()));
    resource.put("fields", new Raw(singular + "Fields"));
    resource.put("store", new Raw(store(entity, singular)));
    out.append(
        TsCode.assignment(
            "export const " + constant(entity) + ": Resource<" + type + ">",
            new Obj(resource, true)));
    return out.toString();
  }

  /** {@code createCollection(key, seed)}; the key changes with the fields, so old data resets. */
  private static String store(Entity entity, String singular) {
    String key = TsCode.string(resourceName(entity) + "-" + fingerprint(entity));
    String call = "createCollection(" + key + ", " + singular + "Seed)";
    if (("  store: " + call + ",").length() <= TsCode.WIDTH) {
      return call;
    }
    return "createCollection(\n    " + key + ",\n    " + singular + "Seed,\n  )";
  }

  private static String tsType(String type, Field field) {
    String base =
        switch (field.type()) {
          case NUMBER, MONEY, BELONGS_TO -> "number";
          case BOOLEAN -> "boolean";
          case ENUM -> type + Names.pascal(field.name());
          default -> "string";
        };
    return field.required() || field.type() == FieldType.BOOLEAN ? base : base + " | null";
  }

  private static Obj spec(Manifest manifest, Field field) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", property(field));
    spec.put("label", field.label());
    spec.put("type", field.type().json());
    spec.put("required", field.required());
    if (field.type() == FieldType.ENUM) {
      spec.put("options", field.values());
    }
    if (field.type() == FieldType.BELONGS_TO) {
      spec.put(
          "target",
          manifest.entity(field.target()).map(EntityModule::resourceName).orElse(field.target()));
    }
    return new Obj(spec, false);
  }

  private static List<Object> seed(Manifest manifest, Entity entity) {
    List<Object> rows = new ArrayList<>();
    for (SeedData.Row row : SeedData.rows(manifest, entity)) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("id", row.id());
      for (Field field : entity.fields()) {
        values.put(property(field), row.values().get(field.name()));
      }
      values.put("createdAt", row.createdAt());
      values.put("updatedAt", row.createdAt());
      rows.add(new Obj(values, true));
    }
    return rows;
  }

  /** Eight hex digits of the entity's canonical JSON. */
  static String fingerprint(Entity entity) {
    StringBuilder text = new StringBuilder(entity.name());
    entity.fields().forEach(f -> text.append('|').append(f));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
