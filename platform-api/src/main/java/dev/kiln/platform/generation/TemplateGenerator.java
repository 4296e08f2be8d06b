package dev.kiln.platform.generation;

import dev.kiln.platform.generation.template.Manifest;
import dev.kiln.platform.generation.template.TemplateEngine;
import java.util.List;
import java.util.Map;

/** The template engine as a generator: deterministic plans, and no fixer. */
final class TemplateGenerator implements Generator {

  private final TemplateEngine engine;

  TemplateGenerator(TemplateEngine engine) {
    this.engine = engine;
  }

  @Override
  public String id() {
    return Generations.GENERATOR_TEMPLATE;
  }

  @Override
  public Manifest plan(Pipeline.Run run, Manifest current) {
    try {
      return current == null ? engine.plan(run.prompt()) : engine.revise(current, run.prompt());
    } catch (TemplateEngine.NotUnderstood e) {
      throw new Pipeline.StageFailed("plan", e.getMessage());
    }
  }

  /**
   * The template engine renders the same manifest into the same files, so it has nothing else to
   * offer; the tool plugins' own fixes were already applied.
   */
  @Override
  public Fix fix(Pipeline.Run run, Map<String, String> implicated, List<String> errors) {
    return Fix.none(
        "the template engine renders the same files again; store an LLM key for automatic fixes");
  }
}
