package dev.kiln.platform.generation.template;

import static dev.kiln.platform.generation.template.TemplateFixtures.entities;
import static dev.kiln.platform.generation.template.TemplateFixtures.entity;
import static dev.kiln.platform.generation.template.TemplateFixtures.field;
import static dev.kiln.platform.generation.template.TemplateFixtures.fieldNames;
import static dev.kiln.platform.generation.template.TemplateFixtures.parents;
import static dev.kiln.platform.generation.template.TemplateFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.platform.generation.template.Manifest.FieldType;
import dev.kiln.platform.generation.template.Manifest.Page;
import dev.kiln.platform.generation.template.Manifest.Route;
import org.junit.jupiter.api.Test;

/** Follow-ups change what they name and nothing else. */
class RevisionsTest {

  private final TemplateEngine engine = new TemplateEngine();
  private final Manifest kanban = plan(TemplateFixtures.KANBAN);

  private Manifest revise(Manifest m, String prompt) {
    Manifest revised = engine.revise(m, prompt);
    assertThat(ManifestSchema.problems(revised.toJson())).as(prompt).isEmpty();
    return revised;
  }

  @Test
  void addsADueDateToTasksAndNothingElse() {
    Manifest m = revise(kanban, "add a due date to tasks");
    assertThat(fieldNames(m, "task")).endsWith("due_date");
    assertThat(field(m, "task", "due_date").type()).isEqualTo(FieldType.DATE);
    assertThat(field(m, "task", "due_date").required()).isFalse();
    assertThat(entity(m, "board")).isEqualTo(entity(kanban, "board"));
    assertThat(entity(m, "column")).isEqualTo(entity(kanban, "column"));
    assertThat(m.pages()).isEqualTo(kanban.pages());
    assertThat(m.routes()).isEqualTo(kanban.routes());
  }

  @Test
  void addsAnEnumWithTheValuesGiven() {
    Manifest m = revise(kanban, "Add a priority (low, medium, high) to tasks.");
    assertThat(field(m, "task", "priority").type()).isEqualTo(FieldType.ENUM);
    assertThat(field(m, "task", "priority").values()).containsExactly("low", "medium", "high");
  }

  @Test
  void addsSeveralFieldsWithStatedTypes() {
    Manifest m =
        revise(kanban, "please add a required number field called estimate and a done at to tasks");
    assertThat(field(m, "task", "estimate").type()).isEqualTo(FieldType.NUMBER);
    assertThat(field(m, "task", "estimate").required()).isTrue();
    assertThat(field(m, "task", "done_at").type()).isEqualTo(FieldType.DATETIME);
  }

  @Test
  void addingAFieldNamedAfterAnEntityAddsARelation() {
    Manifest m = revise(kanban, "add a board to tasks");
    assertThat(parents(m, "task")).containsExactly("column", "board");
  }

  @Test
  void renamesAnEntityAndTheRelationsToIt() {
    Manifest before = plan(TemplateFixtures.TIME_TRACKING);
    Manifest m = revise(before, "rename clients to customers");
    assertThat(entities(m)).containsExactly("project", "customer", "time_entry");
    assertThat(entity(m, "customer").pluralLabel()).isEqualTo("Customers");
    assertThat(entity(m, "customer").fields()).isEqualTo(entity(before, "client").fields());
    assertThat(parents(m, "project")).containsExactly("customer");
    assertThat(field(m, "project", "customer").label()).isEqualTo("Customer");
    assertThat(m.routes().stream().map(Route::path))
        .contains("/customers")
        .doesNotContain("/clients");
    assertThat(entity(m, "time_entry")).isEqualTo(entity(before, "time_entry"));
  }

  @Test
  void renamesAField() {
    Manifest m = revise(kanban, "rename assignee on tasks to owner");
    assertThat(fieldNames(m, "task")).contains("owner").doesNotContain("assignee");
  }

  @Test
  void addsACustomPage() {
    Manifest m = revise(kanban, "add a page for reports");
    assertThat(Pages.customPages(m).stream().map(Page::id)).containsExactly("reports");
    assertThat(m.routes()).contains(new Route("/reports", "reports", "signed_in", true));
    assertThat(m.entities()).isEqualTo(kanban.entities());
    assertThat(revise(kanban, "add a team calendar page").pages().stream().map(Page::id))
        .contains("team-calendar");
  }

  @Test
  void addsAnEntityWithTheFieldsNamed() {
    Manifest m = revise(kanban, "add an entity called vendors with name and email");
    assertThat(entities(m)).containsExactly("board", "column", "task", "vendor");
    assertThat(fieldNames(m, "vendor")).containsExactly("name", "email");
    assertThat(field(m, "vendor", "email").type()).isEqualTo(FieldType.EMAIL);
    assertThat(m.routes().stream().map(Route::path)).contains("/vendors", "/vendors/view");
  }

  @Test
  void addsAKnownEntityWithItsUsualFieldsAndParents() {
    Manifest m = revise(plan(TemplateFixtures.BLOG), "add tags");
    assertThat(entities(m)).endsWith("tag");
    Manifest comments = revise(plan("a blog with posts and authors"), "add comments");
    assertThat(parents(comments, "comment")).containsExactly("post");
  }

  @Test
  void removesAnEntityAndTheRelationsToIt() {
    Manifest blog = plan(TemplateFixtures.BLOG);
    Manifest m = revise(blog, "remove the comments");
    assertThat(entities(m)).containsExactly("post", "author");
    assertThat(entity(m, "post")).isEqualTo(entity(blog, "post"));
    assertThat(m.pages().stream().map(Page::id)).noneMatch(id -> id.startsWith("comments"));
    Manifest noAuthors = revise(blog, "delete authors");
    assertThat(parents(noAuthors, "post")).isEmpty();
  }

  @Test
  void removesAFieldAndAPage() {
    Manifest withDue = revise(kanban, "add a due date to tasks");
    assertThat(revise(withDue, "remove the due date from tasks")).isEqualTo(kanban);
    Manifest withReports = revise(kanban, "add a page for reports");
    assertThat(revise(withReports, "remove the reports page")).isEqualTo(kanban);
  }

  @Test
  void changesRequirednessAndIntegration() {
    Manifest m = revise(plan(TemplateFixtures.HELP_DESK), "make the phone of customers required");
    assertThat(field(m, "customer", "phone").required()).isTrue();
    assertThat(revise(m, "use supabase").integrations()).containsExactly("supabase");
  }

  @Test
  void appliesEachClauseInTurn() {
    Manifest m = revise(kanban, "Add a due date to tasks. Then rename boards to projects");
    assertThat(entities(m)).containsExactly("project", "column", "task");
    assertThat(parents(m, "column")).containsExactly("project");
    assertThat(fieldNames(m, "task")).contains("due_date");
  }

  @Test
  void aChainOfFollowUpsStaysValid() {
    Manifest m = TemplateFixtures.revisedKanban();
    assertThat(ManifestSchema.problems(m.toJson())).isEmpty();
    assertThat(entities(m)).containsExactly("project", "column", "task", "vendor");
    assertThat(fieldNames(m, "task")).endsWith("due_date", "priority");
    assertThat(Pages.customPages(m).stream().map(Page::id)).containsExactly("reports");
  }

  @Test
  void saysWhatToWriteWhenNothingIsUnderstood() {
    assertThatThrownBy(() -> engine.revise(kanban, "make it pop"))
        .isInstanceOf(TemplateEngine.NotUnderstood.class)
        .hasMessageContaining("make it pop")
        .hasMessageContaining("add a due date to tasks")
        .hasMessageContaining("rename clients to customers");
    assertThatThrownBy(() -> engine.revise(kanban, "   "))
        .isInstanceOf(TemplateEngine.NotUnderstood.class);
  }

  @Test
  void explainsAChangeThatCannotBeMade() {
    assertThatThrownBy(() -> engine.revise(kanban, "add a title to tasks"))
        .isInstanceOf(TemplateEngine.NotUnderstood.class)
        .hasMessageContaining("Tasks already have title");
    assertThatThrownBy(() -> engine.revise(kanban, "rename boards to columns"))
        .isInstanceOf(TemplateEngine.NotUnderstood.class)
        .hasMessageContaining("already");
  }
}
