package dev.kiln.platform.generation;

import dev.kiln.platform.generation.llm.LlmFailure;
import dev.kiln.platform.generation.llm.LlmGateway;
import dev.kiln.platform.generation.llm.Message;
import dev.kiln.platform.generation.llm.Structured;
import dev.kiln.platform.generation.template.Manifest;
import dev.kiln.platform.generation.template.ManifestSchema;
import dev.kiln.platform.generation.template.TemplateEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A model plans the manifest (structured output against the manifest's JSON Schema, temperature 0,
 * tokens streamed as {@code token} events) and fixes failed builds by rewriting implicated files.
 * The templates render the manifest, as for the template engine.
 */
final class LlmGenerator implements Generator {

  /** The fixer's answer: whole new contents of some files. */
  static final String FIX_SCHEMA =
      """
      {"type":"object","additionalProperties":false,"required":["files"],"properties":{\
      "files":{"type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,\
      "required":["path","content"],"properties":{"path":{"type":"string"},\
      "content":{"type":"string"}}}}}}""";

  private static final String EXAMPLE_PROMPT = "a task tracker with projects and tasks";

  private final LlmGateway gateway;
  private final String schema = ManifestSchema.text();
  private final String example;

  LlmGenerator(LlmGateway gateway, TemplateEngine engine) {
    this.gateway = gateway;
    this.example = engine.plan(EXAMPLE_PROMPT).toJson();
  }

  @Override
  public String id() {
    return Generations.GENERATOR_LLM;
  }

  @Override
  public Manifest plan(Pipeline.Run run, Manifest current) {
    List<Message> messages = new ArrayList<>();
    messages.add(Message.system(planInstructions()));
    if (current == null) {
      messages.add(Message.user("Plan this app:\n" + run.prompt()));
    } else {
      messages.add(
          Message.user(
              "This is the app's current manifest:\n"
                  + current.toJson()
                  + "\nChange it as asked below and answer with the whole manifest. Keep every"
                  + " name, field and page the request does not touch exactly as it is.\n"
                  + "Request: "
                  + run.prompt()));
    }
    Structured answer = ask(run, "plan", messages, schema);
    List<String> problems = ManifestSchema.problems(answer.value().toString());
    if (!problems.isEmpty()) {
      throw new Pipeline.StageFailed(
          "plan",
          "The AI model's manifest cannot be used: "
              + String.join("; ", problems.stream().limit(5).toList()));
    }
    return Manifest.fromJson(answer.value().toString());
  }

  @Override
  public Fix fix(Pipeline.Run run, Map<String, String> implicated, List<String> errors) {
    StringBuilder text =
        new StringBuilder(
            "The build of this Next.js App Router + TypeScript app failed with these errors:\n");
    errors.forEach(e -> text.append(e).append('\n'));
    text.append("\nThese are the files the errors name, the only files you may change:\n");
    implicated.forEach(
        (path, content) ->
            text.append("\n=== ").append(path).append(" ===\n").append(content).append('\n'));
    text.append(
        "\nAnswer with the complete new content of each file you change, keeping everything"
            + " unrelated to the errors as it is.");
    List<Message> messages =
        List.of(
            Message.system(
                "You fix TypeScript and Next.js build errors with the smallest correct change."),
            Message.user(text.toString()));
    Structured answer;
    try {
      answer = ask(run, "fix", messages, FIX_SCHEMA);
    } catch (Pipeline.StageFailed e) {
      return Fix.none(e.getMessage());
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (JsonNode file : answer.value().get("files")) {
      files.put(file.get("path").asString(), file.get("content").asString());
    }
    return new Fix(files, files.isEmpty() ? "the model proposed no change" : null);
  }

  private Structured ask(Pipeline.Run run, String purpose, List<Message> messages, String schema) {
    TokenEvents tokens = new TokenEvents(run, purpose);
    try {
      Structured answer =
          gateway.structured(run.org(), purpose, messages, schema, 0, tokens::accept);
      run.used(answer.usage());
      return answer;
    } catch (LlmFailure e) {
      run.used(e.usage());
      throw new Pipeline.StageFailed(stage(purpose), e.getMessage());
    } finally {
      tokens.flush();
    }
  }

  private String planInstructions() {
    return """
        You are the planner of Kiln, which turns a description of a web app into a Next.js + \
        PostgreSQL app. Answer with one manifest: a JSON object valid against the JSON Schema you \
        are given (entities with typed fields and relations, roles, pages, routes, integrations). \
        Names are lower snake case; every entity gets list, detail, create and edit pages and \
        routes, like the example. Do not add fields id, org_id, created_by, created_at or \
        updated_at: every table has them. This is the manifest of "%s":
        %s"""
        .formatted(EXAMPLE_PROMPT, example);
  }

  private static String stage(String purpose) {
    return purpose.equals("plan") ? "plan" : "build";
  }

  /** Streamed tokens as {@code token} events of about 200 characters or a quarter second. */
  private static final class TokenEvents {
    private final Pipeline.Run run;
    private final String purpose;
    private final StringBuilder pending = new StringBuilder();
    private long last = System.nanoTime();

    TokenEvents(Pipeline.Run run, String purpose) {
      this.run = run;
      this.purpose = purpose;
    }

    synchronized void accept(String delta) {
      pending.append(delta);
      if (pending.length() >= 200 || System.nanoTime() - last > 250_000_000L) {
        flush();
      }
    }

    synchronized void flush() {
      if (!pending.isEmpty()) {
        run.emit("token", stage(purpose), Map.of("purpose", purpose, "text", pending.toString()));
        pending.setLength(0);
      }
      last = System.nanoTime();
    }
  }
}
