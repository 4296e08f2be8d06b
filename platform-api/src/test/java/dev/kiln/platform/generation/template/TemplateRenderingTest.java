package dev.kiln.platform.generation.template;

import static dev.kiln.platform.generation.template.TemplateFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** Rendering is deterministic, complete and minimal under follow-ups. */
class TemplateRenderingTest {

  static final java.util.List<String> PROMPTS = TemplateFixtures.PROMPTS;

  private final TemplateEngine engine = new TemplateEngine();

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void renderingTwiceGivesTheSameBytes(String prompt) {
    Manifest m = plan(prompt);
    Artifacts first = engine.render(m);
    Artifacts second = new TemplateEngine().render(Manifest.fromJson(m.toJson()));
    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void everyProjectIsComplete(String prompt) {
    Manifest m = plan(prompt);
    Map<String, String> files = engine.render(m).files();
    assertThat(files)
        .containsKeys(
            "package.json",
            "package-lock.json",
            "tsconfig.json",
            "next.config.mjs",
            "postcss.config.mjs",
            "eslint.config.mjs",
            ".prettierrc",
            ".gitignore",
            "README.md",
            "app/layout.tsx",
            "app/page.tsx",
            "app/globals.css",
            "app/sign-in/page.tsx",
            "app/sign-up/page.tsx",
            "components/ui/button.tsx",
            "components/ui/table.tsx",
            "lib/resources/index.ts",
            "lib/data/store.ts",
            "db/schema.sql",
            "db/seed.sql",
            "db/rls.sql",
            "openapi.json",
            "kiln/manifest.json",
            "kiln/ui.json");
    for (var entity : m.entities()) {
      String base = "app/" + Names.kebab(entity.plural()) + "/";
      assertThat(files)
          .containsKeys(
              base + "page.tsx",
              base + "view/page.tsx",
              base + "new/page.tsx",
              base + "edit/page.tsx",
              EntityModule.path(entity));
    }
    assertThat(files)
        .allSatisfy(
            (path, content) -> {
              assertThat(content).as(path).endsWith("\n").doesNotContain("\r").doesNotContain("\t");
            });
    assertThat(files.get("kiln/manifest.json")).isEqualTo(m.toJson());
    assertThat(files.get("package.json")).isEqualTo(StaticFiles.read("package.json"));
    assertThat(files.get("package-lock.json")).isEqualTo(StaticFiles.read("package-lock.json"));
  }

  @Test
  void addingADueDateToTasksChangesOnlyTaskFilesAndTheDescriptions() {
    Manifest before = plan(TemplateFixtures.KANBAN);
    Manifest after = engine.revise(before, "add a due date to tasks");
    Set<String> changed = changed(engine.render(before).files(), engine.render(after).files());
    assertThat(changed)
        .contains(
            "lib/resources/tasks.ts",
            "kiln/manifest.json",
            "db/schema.sql",
            "openapi.json",
            "kiln/ui.json");
    assertThat(changed)
        .allSatisfy(
            path ->
                assertThat(
                        path.contains("task")
                            || Set.of(
                                    "db/schema.sql",
                                    "db/seed.sql",
                                    "db/rls.sql",
                                    "openapi.json",
                                    "kiln/manifest.json",
                                    "kiln/ui.json")
                                .contains(path))
                    .as(path)
                    .isTrue());
    assertThat(engine.render(after).files().get("lib/resources/tasks.ts"))
        .contains("dueDate: string | null;");
  }

  @Test
  void addingAnEntityAddsItsFilesAndTouchesOnlyTheRegistries() {
    Manifest before = plan(TemplateFixtures.KANBAN);
    Manifest after = engine.revise(before, "add an entity called vendors with name and email");
    Map<String, String> old = engine.render(before).files();
    Map<String, String> now = engine.render(after).files();
    Set<String> changed = changed(old, now);
    assertThat(changed)
        .contains("lib/resources/vendors.ts", "app/vendors/page.tsx", "lib/resources/index.ts");
    assertThat(changed)
        .allSatisfy(
            path ->
                assertThat(
                        path.contains("vendor")
                            || path.startsWith("db/")
                            || path.startsWith("kiln/")
                            || Set.of("openapi.json", "lib/resources/index.ts", "README.md")
                                .contains(path))
                    .as(path)
                    .isTrue());
  }

  @Test
  void anInvalidManifestIsRefusedWithItsProblems() {
    String json = plan(TemplateFixtures.KANBAN).toJson();
    Manifest broken =
        Manifest.fromJson(json.replace("\"target\": \"board\"", "\"target\": \"sprint\""));
    assertThatThrownBy(() -> engine.render(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to the unknown entity \"sprint\"");
  }

  @Test
  void theSqlTypesColumnsAndLinksTables() {
    Artifacts a = engine.render(plan(TemplateFixtures.DENTAL_CRM));
    assertThat(a.schemaSql())
        .contains("create table patients (")
        .contains("email text check (email ~* ")
        .contains("amount numeric(12, 2) not null")
        .contains(
            "status text not null check (status in ('draft', 'sent', 'paid', 'overdue', 'void'))")
        .contains("patient_id bigint not null references patients (id) on delete cascade")
        .contains("create index appointments_patient_id_idx on appointments (patient_id);")
        .contains("org_id uuid not null default current_org_id()");
    assertThat(a.schemaSql().indexOf("create table patients"))
        .isLessThan(a.schemaSql().indexOf("create table invoices"));
    assertThat(a.seedSql())
        .contains(
            "insert into patients (id, org_id, created_by, created_at, updated_at, name, email");
    assertThat(a.rlsSql())
        .contains("alter table invoices enable row level security;")
        .contains("current_app_role() in ('admin', 'staff')")
        .contains("create policy invoices_delete on invoices for delete");
  }

  @Test
  void reservedWordsAreQuotedInSql() {
    Manifest m =
        engine.revise(plan(TemplateFixtures.KANBAN), "add a number field called limit to columns");
    Artifacts a = engine.render(m);
    assertThat(a.schemaSql()).contains("  \"limit\" numeric,\n");
    assertThat(a.seedSql()).contains(", \"limit\") values");
  }

  @Test
  void theUiBindsOnlyToOperationsTheApiDefines() {
    for (String prompt : PROMPTS) {
      Artifacts a = engine.render(plan(prompt));
      JsonNode api = PrettyJson.parse(a.openApi());
      assertThat(api.path("openapi").asString()).isEqualTo("3.1.0");
      Set<String> operations = new TreeSet<>();
      api.path("paths")
          .forEach(
              item ->
                  item.forEach(
                      op -> {
                        if (op.has("operationId")) operations.add(op.get("operationId").asString());
                      }));
      assertThat(operations).hasSize(5 * plan(prompt).entities().size());
      Set<String> bound = new TreeSet<>();
      collect(PrettyJson.parse(a.uiJson()), bound);
      assertThat(operations).as(prompt).containsAll(bound);
      assertThat(bound).as(prompt).isNotEmpty();
    }
  }

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void theOpenApiDocumentParsesCleanly(String prompt) {
    String document = engine.render(plan(prompt)).openApi();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    assertThat(result.getMessages()).as(prompt).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    result
        .getOpenAPI()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperations()
                    .forEach(op -> assertThat(op.getOperationId()).as(path).isNotBlank()));
  }

  @Test
  void theSharedFileIndexListsEveryResource() throws IOException {
    Path root = Path.of("src/main/resources/generation/app");
    Set<String> onDisk = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.equals("files.txt"))
          .forEach(onDisk::add);
    }
    Set<String> indexed =
        new TreeSet<>(java.util.Arrays.asList(StaticFiles.read("app/files.txt").split("\n")));
    assertThat(indexed).isEqualTo(onDisk);
  }

  private static void collect(JsonNode node, Set<String> ids) {
    if (node.isObject() && node.has("operationId")) {
      ids.add(node.get("operationId").asString());
    }
    node.forEach(child -> collect(child, ids));
  }

  private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
    Set<String> changed = new TreeSet<>();
    for (String path : new TreeSet<>(before.keySet())) {
      if (!before.get(path).equals(after.get(path))) {
        changed.add(path);
      }
    }
    after.keySet().stream().filter(p -> !before.containsKey(p)).forEach(changed::add);
    return changed;
  }
}
