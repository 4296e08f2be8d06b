package dev.kiln.platform.generation.template;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the renderer makes from one manifest. The SQL, OpenAPI and UI JSON also appear in
 * {@code files} ({@code db/schema.sql}, {@code db/seed.sql}, {@code db/rls.sql}, {@code
 * openapi.json}, {@code kiln/ui.json}) next to {@code kiln/manifest.json}.
 *
 * @param schemaSql PostgreSQL DDL: tables, foreign keys, indexes, triggers
 * @param seedSql the demo rows the preview shows, as inserts
 * @param rlsSql row level security: enabled per table, policies per role
 * @param openApi an OpenAPI 3.1 JSON document of the CRUD API
 * @param uiJson the component tree of every page, bound to shadcn components and operation ids
 * @param files the complete Next.js project, path to content, sorted by path; unmodifiable
 */
public record Artifacts(
    String schemaSql,
    String seedSql,
    String rlsSql,
    String openApi,
    String uiJson,
    SortedMap<String, String> files) {

  public Artifacts {
    Objects.requireNonNull(schemaSql, "schemaSql");
    Objects.requireNonNull(seedSql, "seedSql");
    Objects.requireNonNull(rlsSql, "rlsSql");
    Objects.requireNonNull(openApi, "openApi");
    Objects.requireNonNull(uiJson, "uiJson");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }
}
