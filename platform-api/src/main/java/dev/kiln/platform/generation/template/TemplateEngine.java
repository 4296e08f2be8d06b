package dev.kiln.platform.generation.template;

import java.util.List;

/**
 * The deterministic template engine: plans a {@link Manifest} from a plain-language prompt, revises
 * it from follow-up prompts, and renders it into a complete Next.js + PostgreSQL project. No model,
 * no randomness, no clock: the same input always gives byte-identical output. Thread-safe; a plain
 * object, cheap to create.
 */
public final class TemplateEngine {

  private final Planner planner = new Planner(Vocabulary.get());
  private final Revisions revisions = new Revisions(Vocabulary.get());

  /**
   * Plans an app from a prompt such as "a CRM for a dental clinic with patients, appointments and
   * invoices". Never fails: a prompt naming nothing known gives a small generic app.
   *
   * @return a manifest that passes {@link ManifestSchema#problems(String)}
   */
  public Manifest plan(String prompt) {
    return planner.plan(prompt);
  }

  /**
   * A kind of app the engine knows, as a starting point: its label, what such an app has, and a
   * prompt that plans it.
   */
  public record Starter(String kind, String label, List<String> entities, String prompt) {}

  /**
   * The kinds of app the engine recognises, as starters (the studio's template picker): a prompt
   * naming the kind and its usual entities, reduced to the entities that prompt really plans.
   */
  public List<Starter> starters() {
    return Vocabulary.get().domains().stream()
        .map(
            d -> {
              String keyword = d.keywords().get(0);
              List<String> planned = labels(plan(sentence(keyword, labels(d.entities()))));
              return new Starter(d.kind(), d.label(), planned, sentence(keyword, planned));
            })
        .toList();
  }

  private static List<String> labels(List<String> entities) {
    return entities.stream().map(e -> Names.label(Names.plural(e)).toLowerCase()).toList();
  }

  private static List<String> labels(Manifest manifest) {
    return labels(manifest.entities().stream().map(Manifest.Entity::name).toList());
  }

  private static String sentence(String keyword, List<String> plurals) {
    String listed =
        plurals.size() == 1
            ? plurals.get(0)
            : String.join(", ", plurals.subList(0, plurals.size() - 1))
                + " and "
                + plurals.get(plurals.size() - 1);
    return "a " + keyword + " app with " + listed;
  }

  /**
   * Applies a follow-up ("add a due date to tasks", "rename clients to customers") to a manifest,
   * changing only what the follow-up names.
   *
   * @throws NotUnderstood when no change is recognised; its message suggests phrasings
   */
  public Manifest revise(Manifest current, String prompt) {
    return revisions.revise(current, prompt);
  }

  /**
   * Renders a manifest into SQL, OpenAPI, UI JSON and the files of a Next.js project. Each entity's
   * files depend only on that entity, so a follow-up changes only the files it must.
   *
   * @throws IllegalArgumentException when the manifest has {@linkplain ManifestSchema#problems
   *     problems}; the message lists them
   */
  public Artifacts render(Manifest manifest) {
    return Renderer.render(manifest);
  }

  /**
   * A follow-up in which no change was recognised, or that cannot be applied (a field that already
   * exists, an entity that is not there). The message says why and what to write instead.
   */
  public static final class NotUnderstood extends RuntimeException {

    public NotUnderstood(String message) {
      super(message);
    }
  }
}
