package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.Manifest.Entity;
import dev.kiln.platform.generation.template.Manifest.Field;
import dev.kiln.platform.generation.template.Manifest.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the SQL writers share: identifiers, literals and the order tables are created in. */
final class Sql {

  /** The reserved words of PostgreSQL that cannot name a column unquoted. */
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "current_catalog",
          "current_date",
          "current_role",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "initially",
          "intersect",
          "into",
          "lateral",
          "leading",
          "limit",
          "localtime",
          "localtimestamp",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "placing",
          "primary",
          "references",
          "returning",
          "select",
          "session_user",
          "some",
          "symmetric",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "when",
          "where",
          "window",
          "with",
          "authorization",
          "binary",
          "collation",
          "concurrently",
          "cross",
          "freeze",
          "full",
          "ilike",
          "inner",
          "is",
          "isnull",
          "join",
          "left",
          "like",
          "natural",
          "notnull",
          "outer",
          "overlaps",
          "right",
          "similar",
          "tablesample",
          "verbose");

  /** The demo organization every seed row belongs to. */
  static final String DEMO_ORG = "00000000-0000-4000-8000-000000000001";

  /** The demo user every seed row was created by. */
  static final String DEMO_USER = "00000000-0000-4000-8000-000000000002";

  private Sql() {}

  /** An identifier, quoted only when PostgreSQL reserves it. */
  static String id(String name) {
    return RESERVED.contains(name) ? "\"" + name + "\"" : name;
  }

  static String column(Field field) {
    return field.type() == FieldType.BELONGS_TO ? field.name() + "_id" : field.name();
  }

  static String table(Entity entity) {
    return id(entity.plural());
  }

  static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof BigDecimal d) {
      return SeedData.plain(d);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  /**
   * Entities with every parent before its children (manifest order otherwise); a relation that
   * closes a cycle is left to {@link #deferred}.
   */
  static List<Entity> ordered(Manifest m) {
    Set<String> done = new LinkedHashSet<>();
    List<Entity> out = new ArrayList<>();
    for (Entity entity : m.entities()) {
      visit(m, entity, done, new LinkedHashSet<>(), out);
    }
    return out;
  }

  private static void visit(
      Manifest m, Entity entity, Set<String> done, Set<String> path, List<Entity> out) {
    if (done.contains(entity.name()) || !path.add(entity.name())) {
      return;
    }
    for (Field field : entity.fields()) {
      if (field.type() == FieldType.BELONGS_TO) {
        m.entity(field.target()).ifPresent(parent -> visit(m, parent, done, path, out));
      }
    }
    done.add(entity.name());
    out.add(entity);
  }

  /** Whether a relation points at a table created after its own (so added by an alter). */
  static boolean deferred(List<Entity> order, Entity child, Field field) {
    int parent = -1;
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).name().equals(field.target())) {
        parent = i;
      }
    }
    return parent >= order.indexOf(child);
  }
}
