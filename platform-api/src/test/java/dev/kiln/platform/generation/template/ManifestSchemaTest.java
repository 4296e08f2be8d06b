package dev.kiln.platform.generation.template;

import static dev.kiln.platform.generation.template.TemplateFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Manifests are checked against generation/manifest.schema.json and the rules it cannot state. */
class ManifestSchemaTest {

  static final java.util.List<String> PROMPTS = TemplateFixtures.PROMPTS;

  private final String valid = plan(TemplateFixtures.KANBAN).toJson();

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void plannedManifestsAreValidAndReadBackEqual(String prompt) {
    Manifest m = plan(prompt);
    assertThat(ManifestSchema.problems(m.toJson())).isEmpty();
    assertThat(Manifest.fromJson(m.toJson())).isEqualTo(m);
    assertThat(Manifest.fromJson(m.toJson()).toJson()).isEqualTo(m.toJson());
  }

  @Test
  void theCanonicalJsonIsPrettyAndHashed() {
    Manifest m = plan(TemplateFixtures.KANBAN);
    assertThat(m.toJson()).startsWith("{\n  \"version\": 1,\n  \"app\": {\n").endsWith("}\n");
    assertThat(m.sha()).matches("[0-9a-f]{64}");
    assertThat(m.sha()).isNotEqualTo(plan(TemplateFixtures.BLOG).sha());
  }

  @Test
  void notJsonIsOneReadableProblem() {
    assertThat(ManifestSchema.problems("{not json"))
        .singleElement()
        .asString()
        .startsWith("not JSON");
    assertThatThrownBy(() -> Manifest.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownFieldTypeIsNamedWithItsPlace() {
    String broken = valid.replaceFirst("\"type\": \"text\"", "\"type\": \"colour\"");
    assertThat(ManifestSchema.problems(broken))
        .anySatisfy(p -> assertThat(p).contains("$.entities[0].fields[0].type"));
  }

  @Test
  void missingMembersAndBadPatternsAreReported() {
    assertThat(
            ManifestSchema.problems(
                valid.replace("\"slug\": \"kanban-board\"", "\"slug\": \"Kanban Board!\"")))
        .anySatisfy(p -> assertThat(p).contains("$.app.slug"));
    assertThat(ManifestSchema.problems(valid.replace("\"roles\"", "\"people\"")))
        .anySatisfy(p -> assertThat(p).contains("roles"));
    assertThat(ManifestSchema.problems(valid.replace("\"version\": 1", "\"version\": 2")))
        .anySatisfy(p -> assertThat(p).contains("$.version"));
  }

  @Test
  void anEnumNeedsValuesAndARelationATarget() {
    String enumWithout = valid.replaceFirst("\"type\": \"text\"", "\"type\": \"enum\"");
    assertThat(ManifestSchema.problems(enumWithout))
        .anySatisfy(p -> assertThat(p).contains("values"));
    String relationWithout = valid.replaceFirst("\"type\": \"text\"", "\"type\": \"belongs_to\"");
    assertThat(ManifestSchema.problems(relationWithout))
        .anySatisfy(p -> assertThat(p).contains("target"));
  }

  @Test
  void relationsAndRoutesMustPointAtWhatExists() {
    assertThat(
            ManifestSchema.problems(
                valid.replace("\"target\": \"board\"", "\"target\": \"sprint\"")))
        .contains("entity \"column\": field \"board\" belongs to the unknown entity \"sprint\"");
    assertThat(
            ManifestSchema.problems(
                valid.replace("\"page\": \"tasks-edit\"", "\"page\": \"tasks-nowhere\"")))
        .contains("route /tasks/edit shows the unknown page \"tasks-nowhere\"");
  }

  @Test
  void namesMustBeUnique() {
    Manifest m = plan(TemplateFixtures.KANBAN);
    var twice = new java.util.ArrayList<>(m.entities());
    twice.add(m.entities().get(0));
    Manifest duplicated =
        new Manifest(
            m.version(), m.app(), twice, m.roles(), m.pages(), m.routes(), m.integrations());
    assertThat(ManifestSchema.problems(duplicated.toJson()))
        .contains("entity \"board\" is declared twice");
    String builtIn = valid.replaceFirst("\"name\": \"name\"", "\"name\": \"created_at\"");
    assertThat(ManifestSchema.problems(builtIn))
        .contains("entity \"board\": field \"created_at\" takes the name of a built-in column");
  }

  @Test
  void theSchemaIsOnTheClassPathAsDraft202012() {
    assertThat(ManifestSchema.text()).contains("https://json-schema.org/draft/2020-12/schema");
  }
}
