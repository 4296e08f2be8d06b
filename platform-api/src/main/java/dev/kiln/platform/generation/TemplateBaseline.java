package dev.kiln.platform.generation;

import dev.kiln.platform.generation.template.TemplateEngine;
import dev.kiln.platform.plugins.BaselineProject;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The template engine's app for the first starter prompt: the platform's own project, made from no
 * organisation's input, whose tool caches seed an organisation's first plugin run on the template's
 * dependency set.
 */
@Component
class TemplateBaseline implements BaselineProject {

  private final TemplateEngine engine;

  TemplateBaseline(TemplateEngine engine) {
    this.engine = engine;
  }

  @Override
  public Map<String, String> files() {
    String prompt = engine.starters().getFirst().prompt();
    return engine.render(engine.plan(prompt)).files();
  }
}
