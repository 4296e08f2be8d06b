package dev.kiln.platform.generation.template;

import java.util.List;
import java.util.SortedMap;

/** Renders a manifest into every artifact; each concern lives in its own writer. */
final class Renderer {

  private Renderer() {}

  static Artifacts render(Manifest manifest) {
    List<String> problems = ManifestSchema.problems(manifest.toJson());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the manifest is invalid: " + String.join("; ", problems));
    }
    String schema = SchemaSql.render(manifest);
    String seed = SeedSql.render(manifest);
    String rls = RlsSql.render(manifest);
    String openApi = OpenApi.render(manifest);
    String ui = UiTree.render(manifest);
    SortedMap<String, String> files = AppFiles.render(manifest);
    files.put("db/schema.sql", schema);
    files.put("db/seed.sql", seed);
    files.put("db/rls.sql", rls);
    files.put("openapi.json", openApi);
    files.put("kiln/manifest.json", manifest.toJson());
    files.put("kiln/ui.json", ui);
    return new Artifacts(schema, seed, rls, openApi, ui, files);
  }
}
