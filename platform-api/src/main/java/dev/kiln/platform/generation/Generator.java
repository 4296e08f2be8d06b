package dev.kiln.platform.generation;

import dev.kiln.platform.generation.template.Manifest;
import java.util.List;
import java.util.Map;

/**
 * What plans a generation and fixes its failed builds: the deterministic template engine, or a
 * model through the LLM gateway. Both render the manifest with the same templates, so the code of
 * an app depends only on its manifest. Model tokens are reported to {@link Pipeline.Run#used} as
 * they are spent, whether or not the answer was usable.
 */
interface Generator {

  /** {@code template} or {@code llm}, as stored on the generation. */
  String id();

  /**
   * The manifest for the run's prompt: a new app when {@code current} is null, else {@code current}
   * changed as the prompt asks.
   *
   * @throws Pipeline.StageFailed when the prompt cannot be planned; the message is for the user
   */
  Manifest plan(Pipeline.Run run, Manifest current);

  /**
   * New contents for some of {@code implicated} (path to content) so that {@code errors} go away;
   * paths outside {@code implicated} are ignored by the caller.
   */
  Fix fix(Pipeline.Run run, Map<String, String> implicated, List<String> errors);

  /**
   * What a fixer proposed: {@code files} (path to new content), or none and why in {@code note}.
   */
  record Fix(Map<String, String> files, String note) {

    static Fix none(String note) {
      return new Fix(Map.of(), note);
    }
  }
}
