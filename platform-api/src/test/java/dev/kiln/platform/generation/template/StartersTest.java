package dev.kiln.platform.generation.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartersTest {

  private final TemplateEngine engine = new TemplateEngine();

  @Test
  void everyStarterPromptPlansAnAppWithItsEntities() {
    assertThat(engine.starters()).hasSizeGreaterThanOrEqualTo(6);
    for (TemplateEngine.Starter starter : engine.starters()) {
      Manifest planned = engine.plan(starter.prompt());

      assertThat(
              planned.entities().stream()
                  .map(e -> Names.label(Names.plural(e.name())).toLowerCase())
                  .toList())
          .as(starter.prompt())
          .containsExactlyElementsOf(starter.entities());
      assertThat(starter.entities()).as(starter.kind()).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void aStarterReadsAsASentence() {
    TemplateEngine.Starter kanban =
        engine.starters().stream().filter(s -> s.kind().equals("kanban")).findFirst().orElseThrow();

    assertThat(kanban.label()).isEqualTo("Kanban");
    assertThat(kanban.prompt()).startsWith("a kanban app with ").contains(" and ");
  }
}
