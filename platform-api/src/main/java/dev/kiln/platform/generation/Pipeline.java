package dev.kiln.platform.generation;

import dev.kiln.platform.generation.llm.Usage;
import dev.kiln.platform.generation.template.Artifacts;
import dev.kiln.platform.generation.template.Manifest;
import dev.kiln.platform.generation.template.ManifestSchema;
import dev.kiln.platform.generation.template.TemplateEngine;
import dev.kiln.platform.plugins.PluginOutcome;
import dev.kiln.platform.plugins.PluginRunReport;
import dev.kiln.platform.plugins.PluginRunner;
import dev.kiln.platform.preview.Previews;
import dev.kiln.platform.projects.ProjectRepos;
import dev.kiln.platform.projects.Projects;
import dev.kiln.platform.projects.UnifiedDiff;
import dev.kiln.platform.projects.Verifications;
import dev.kiln.platform.runtime.ScratchDatabases;
import dev.kiln.plugin.api.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stages of one generation, in order, each announced and completed with events: plan (the
 * manifest, validated against its JSON Schema), database (DDL, seed and RLS applied to a scratch
 * PostgreSQL), API (OpenAPI 3.1 parsed), UI (UI JSON bound to API operations), files (the rendered
 * project against the current version), plugins (the tool plugins on it), version (one commit on
 * the head the job started from: refused when another version landed meanwhile), build (typecheck
 * and {@code next build} in a sandbox; on failure, up to two auto-fix attempts, each a new version
 * changing only the files the errors name). The run's generator (template engine or LLM) plans the
 * manifest and proposes the fixes. Stages whose input did not change since the last version are
 * skipped. A failure ends the run with a reason a user can read.
 */
final class Pipeline {

  /** How a run ended. */
  record Result(boolean verified, String version, String failure) {}

  /** A stage failed: the message is for the user. */
  static class StageFailed extends RuntimeException {
    final String stage;

    StageFailed(String stage, String message) {
      super(message);
      this.stage = stage;
    }
  }

  /** Where the run's events go, and whether it was cancelled meanwhile. */
  interface Run {
    UUID org();

    UUID project();

    UUID generation();

    String prompt();

    /** {@code template} or {@code llm}: which generator plans and fixes this run. */
    String generator();

    /** Model tokens spent for this run, reported as they are spent. */
    void used(Usage usage);

    void emit(String type, String stage, Map<String, Object> data);

    void stage(String stage);

    boolean cancelled();
  }

  static final class Cancelled extends RuntimeException {}

  private static final String MANIFEST_FILE = "kiln/manifest.json";

  /** The commit trailer recording {@link #pluginsInput} of the files the plugins ran on. */
  static final String PLUGINS_INPUT = "Kiln-Plugins-Input";

  /** The largest diff a {@code file_closed} event carries; a bigger one is left to the API. */
  private static final int EVENT_DIFF_CHARS = 16 * 1024;

  private final TemplateEngine engine;
  private final Map<String, Generator> generators;
  private final int autofixAttempts;
  private final Projects projects;
  private final ProjectRepos repos;
  private final Verifications verifications;
  private final ScratchDatabases scratch;
  private final PluginRunner plugins;
  private final BuildStage build;
  private final Previews previews;
  private final JsonMapper json;

  Pipeline(
      TemplateEngine engine,
      List<Generator> generators,
      int autofixAttempts,
      Projects projects,
      ProjectRepos repos,
      Verifications verifications,
      ScratchDatabases scratch,
      PluginRunner plugins,
      BuildStage build,
      Previews previews,
      JsonMapper json) {
    this.engine = engine;
    this.generators = new LinkedHashMap<>();
    generators.forEach(g -> this.generators.put(g.id(), g));
    this.autofixAttempts = autofixAttempts;
    this.projects = projects;
    this.repos = repos;
    this.verifications = verifications;
    this.scratch = scratch;
    this.plugins = plugins;
    this.build = build;
    this.previews = previews;
    this.json = json;
  }

  Result run(Run run) {
    UUID org = run.org();
    UUID project = run.project();
    Projects.Project row = projects.require(org, project);
    String startHead = repos.head(project);
    SortedMap<String, String> current =
        startHead == null ? new TreeMap<>() : repos.files(project, startHead);

    Generator generator = generators.get(run.generator());
    if (generator == null) {
      throw new StageFailed("plan", "the " + run.generator() + " generator is not available here");
    }

    // Plan.
    begin(run, "plan");
    Manifest manifest =
        generator.plan(
            run,
            current.containsKey(MANIFEST_FILE)
                ? Manifest.fromJson(current.get(MANIFEST_FILE))
                : null);
    List<String> problems = ManifestSchema.problems(manifest.toJson());
    if (!problems.isEmpty()) {
      throw new StageFailed("plan", "the manifest is invalid: " + String.join("; ", problems));
    }
    String manifestSha = manifest.sha();
    boolean manifestUnchanged = manifestSha.equals(row.manifestSha()) && startHead != null;
    complete(
        run,
        "plan",
        Map.of(
            "manifestSha",
            manifestSha,
            "entities",
            entities(manifest),
            "generator",
            generator.id()));
    Artifacts artifacts = engine.render(manifest);

    // Database, API and UI: checked only when the manifest changed.
    if (manifestUnchanged) {
      for (String stage : List.of("database", "api", "ui")) {
        skip(run, stage, "the manifest did not change");
      }
    } else {
      begin(run, "database");
      String error =
          scratch.apply(
              List.of(
                  new ScratchDatabases.Script("db/schema.sql", artifacts.schemaSql()),
                  new ScratchDatabases.Script("db/seed.sql", artifacts.seedSql()),
                  new ScratchDatabases.Script("db/rls.sql", artifacts.rlsSql())));
      if (error != null) {
        throw new StageFailed("database", "the SQL does not apply to PostgreSQL: " + error);
      }
      complete(run, "database", Map.of("validated", "applied to a scratch PostgreSQL database"));

      begin(run, "api");
      List<String> apiProblems = StageChecks.openApi(artifacts.openApi());
      if (!apiProblems.isEmpty()) {
        throw new StageFailed("api", "the OpenAPI document is invalid: " + apiProblems);
      }
      var operations = StageChecks.operationIds(artifacts.openApi());
      complete(run, "api", Map.of("operations", operations.size()));

      begin(run, "ui");
      List<String> uiProblems = StageChecks.ui(artifacts.uiJson(), operations, json);
      if (!uiProblems.isEmpty()) {
        throw new StageFailed("ui", "the UI JSON is invalid: " + uiProblems);
      }
      complete(run, "ui", Map.of());
    }

    // Files: the rendered project against the current version.
    begin(run, "files");
    Map<String, String> files = new LinkedHashMap<>(artifacts.files());
    List<ProjectRepos.Patch> rendered = patches(current, files);
    for (ProjectRepos.Patch patch : rendered) {
      run.emit("file_closed", "files", fileClosed(patch));
    }
    complete(run, "files", Map.of("files", files.size(), "changed", rendered.size()));
    if (previews != null && !rendered.isEmpty()) {
      previews.rendered(org, project, run.generation(), files);
    }

    // The tool plugins, on the new files; their passing edits join the same version. Skipped when
    // the same plugins already ran on the same files for the current version: its files are theirs.
    String pluginsInput = pluginsInput(plugins.signature(org), files);
    List<Diagnostic> pluginErrors = List.of();
    if (startHead != null
        && repos
            .trailer(project, startHead, PLUGINS_INPUT)
            .filter(pluginsInput::equals)
            .isPresent()) {
      skip(run, "plugins", "the same plugins already ran on the same files");
      files = new LinkedHashMap<>(current);
    } else {
      begin(run, "plugins");
      PluginRunReport report =
          plugins.run(
              org,
              run.generation().toString(),
              files,
              outcome -> run.emit("plugin_result", "plugins", pluginData(outcome)));
      files = report.files();
      pluginErrors = report.errors();
      complete(run, "plugins", Map.of("errors", pluginErrors.size()));
    }
    Map<String, String> trailers =
        Map.of(
            "Kiln-Generation",
            run.generation().toString(),
            "Kiln-Manifest-Sha",
            manifestSha,
            PLUGINS_INPUT,
            pluginsInput);

    // One commit is one version, on the head this job started from.
    begin(run, "version");
    List<ProjectRepos.Patch> patches = patches(current, files);
    String version;
    if (patches.isEmpty() && startHead != null) {
      version = startHead;
      complete(run, "version", Map.of("changed", 0, "version", version));
    } else {
      ProjectRepos.Version written =
          commit(run, startHead, patches, files, title(run.prompt()), trailers, "version");
      version = written.id();
      complete(
          run,
          "version",
          Map.of("changed", patches.size(), "version", version, "number", written.number()));
    }

    // Build.
    ensureNotCancelled(run);
    if (build == null) {
      skip(run, "build", "building is switched off (kiln.generation.build=false)");
      return new Result(true, version, null);
    }
    if (patches.isEmpty() && startHead != null) {
      skip(run, "build", "no file changed since the last version");
      return new Result(true, version, null);
    }
    begin(run, "build");
    BuildStage.Outcome outcome = build(run, files, version);
    // Auto-fix: the files the errors name go to the generator's fixer, which may change only them;
    // each attempt is a new version, built again.
    List<String> pluginProblems = new ArrayList<>();
    pluginErrors.forEach(d -> pluginProblems.add(AutoFix.describe(d)));
    for (int attempt = 1; !outcome.ok() && attempt <= autofixAttempts; attempt++) {
      ensureNotCancelled(run);
      List<String> errors = new ArrayList<>(outcome.errors());
      errors.addAll(pluginProblems);
      if (previews != null) {
        String shown = version;
        previews.error(project, shown).ifPresent(e -> errors.add("live preview: " + e));
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("attempt", attempt);
      SortedMap<String, String> implicated = new TreeMap<>();
      for (String path : AutoFix.implicated(errors, files.keySet())) {
        implicated.put(path, files.get(path));
      }
      data.put("implicated", List.copyOf(implicated.keySet()));
      if (implicated.isEmpty()) {
        data.put("result", "no fix: the errors name no file of the project");
        run.emit("autofix_attempt", "build", data);
        break;
      }
      Generator.Fix fix = generator.fix(run, implicated, errors);
      AutoFix.Changes changes = AutoFix.changes(implicated, fix.files());
      if (!changes.refused().isEmpty()) {
        data.put("refused", changes.refused());
      }
      if (changes.files().isEmpty()) {
        data.put(
            "result",
            "no fix: " + (fix.note() != null ? fix.note() : "the proposed files are unchanged"));
        run.emit("autofix_attempt", "build", data);
        break;
      }
      Map<String, String> fixed = new LinkedHashMap<>(files);
      fixed.putAll(changes.files());
      ProjectRepos.Version written =
          commit(
              run,
              version,
              patches(files, fixed),
              fixed,
              "Auto-fix " + attempt + ": " + title(run.prompt()),
              trailers,
              "build");
      files = fixed;
      version = written.id();
      data.put("files", List.copyOf(changes.files().keySet()));
      data.put("version", version);
      data.put("number", written.number());
      data.put("result", "fixed; building again");
      run.emit("autofix_attempt", "build", data);
      outcome = build(run, files, version);
    }
    if (outcome.ok()) {
      return new Result(true, version, null);
    }
    return new Result(
        false,
        version,
        "the app does not build (" + outcome.step() + "): " + String.join("\n", outcome.errors()));
  }

  /** One build, its output as events, ending {@code build_ok} or {@code build_error}. */
  private BuildStage.Outcome build(Run run, Map<String, String> files, String version) {
    BuildStage.Outcome outcome;
    try (Progress progress = new Progress(run)) {
      outcome = build.run(run.org(), files, progress::line);
    }
    verify(run, version, outcome);
    if (outcome.ok()) {
      run.emit("build_ok", "build", Map.of("version", version));
    } else {
      run.emit(
          "build_error",
          "build",
          Map.of("step", outcome.step(), "errors", outcome.errors(), "version", version));
    }
    return outcome;
  }

  /**
   * Records what the build found for {@code version} (with the smoke test's screenshots) and, when
   * the smoke test ran, says so as a {@code test_result} event.
   */
  private void verify(Run run, String version, BuildStage.Outcome outcome) {
    List<Verifications.Screenshot> screenshots = new ArrayList<>();
    String report = null;
    if (outcome.smoke() != null) {
      report = outcome.smoke().report();
      JsonNode pages = json.readTree(report).path("pages");
      List<Map<String, Object>> summary = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        JsonNode page = pages.get(i);
        byte[] png = outcome.smoke().screenshots().get(page.path("screenshot").asString(""));
        if (png != null) {
          screenshots.add(new Verifications.Screenshot(i + 1, page.path("path").asString(""), png));
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("path", page.path("path").asString(""));
        item.put("status", page.path("status").asInt());
        item.put("ok", page.path("ok").asBoolean());
        item.put("problems", json.convertValue(page.path("problems"), List.class));
        item.put("screenshot", png == null ? null : i + 1);
        summary.add(item);
      }
      run.emit(
          "test_result", "build", Map.of("version", version, "ok", outcome.ok(), "pages", summary));
    }
    verifications.record(
        run.org(),
        run.project(),
        version,
        run.generation(),
        outcome.ok(),
        outcome.step(),
        outcome.errors(),
        report,
        screenshots);
  }

  /**
   * One commit on {@code head} giving the tree {@code files}: a new version, recorded as the
   * project's head and sent to its preview.
   */
  private ProjectRepos.Version commit(
      Run run,
      String head,
      List<ProjectRepos.Patch> patches,
      Map<String, String> files,
      String message,
      Map<String, String> trailers,
      String stage) {
    ProjectRepos.Version written;
    try {
      written = repos.commit(run.project(), head, patches, message, trailers);
    } catch (ProjectRepos.Conflict e) {
      throw new StageFailed(
          stage, "the project changed while this generation ran: " + e.getMessage());
    }
    projects.recordHead(run.org(), run.project(), written.id(), trailers.get("Kiln-Manifest-Sha"));
    if (previews != null) {
      previews.versionCommitted(
          run.org(), run.project(), run.generation(), written.id(), Map.copyOf(files));
    }
    return written;
  }

  private static List<ProjectRepos.Patch> patches(
      Map<String, String> current, Map<String, String> next) {
    List<ProjectRepos.Patch> patches = new ArrayList<>();
    new TreeMap<>(next)
        .forEach(
            (path, content) -> {
              String old = current.get(path);
              if (old == null) {
                patches.add(new ProjectRepos.Patch(path, content, null));
              } else if (!content.equals(old)) {
                String diff = UnifiedDiff.between(path, old, content);
                patches.add(
                    diff.length() < content.length()
                        ? ProjectRepos.Patch.diff(path, diff, sha(old))
                        : new ProjectRepos.Patch(path, content, sha(old)));
              }
            });
    current.forEach(
        (path, content) -> {
          if (!next.containsKey(path)) {
            patches.add(new ProjectRepos.Patch(path, null, sha(content)));
          }
        });
    return patches;
  }

  private static String change(ProjectRepos.Patch patch) {
    return patch.deletes() ? "deleted" : patch.baseSha() == null ? "added" : "modified";
  }

  /** A {@code file_closed} event: the path, the change, and a small enough diff. */
  private static Map<String, Object> fileClosed(ProjectRepos.Patch patch) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("path", patch.path());
    data.put("change", change(patch));
    if (patch.diff() != null && patch.diff().length() <= EVENT_DIFF_CHARS) {
      data.put("diff", patch.diff());
    }
    return data;
  }

  private static String sha(String content) {
    return ProjectRepos.sha256(content.getBytes(StandardCharsets.UTF_8));
  }

  /** A hash of the plugins' signature and the files they would run on. */
  static String pluginsInput(String signature, Map<String, String> files) {
    StringBuilder input = new StringBuilder(signature).append('\n');
    new TreeMap<>(files)
        .forEach(
            (path, content) -> input.append(path).append(' ').append(sha(content)).append('\n'));
    return sha(input.toString());
  }

  private static Map<String, Object> pluginData(PluginOutcome o) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("plugin", o.pluginId());
    data.put("version", o.version());
    data.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
    if (o.error() != null) {
      data.put("error", o.error());
    }
    data.put("tookMs", o.took().toMillis());
    data.put("diagnostics", o.diagnostics().stream().limit(50).toList());
    data.put("diagnosticCount", o.diagnostics().size() + o.diagnosticsDropped());
    data.put("editsApplied", o.editsApplied());
    return data;
  }

  private static List<String> entities(Manifest manifest) {
    List<String> names = new ArrayList<>();
    manifest.entities().forEach(e -> names.add(e.name()));
    return names;
  }

  private static String title(String prompt) {
    String line = prompt.strip().replaceAll("\\s+", " ");
    return line.length() > 72 ? line.substring(0, 69) + "..." : line;
  }

  private void begin(Run run, String stage) {
    ensureNotCancelled(run);
    run.stage(stage);
    run.emit("stage_started", stage, Map.of());
  }

  private static void complete(Run run, String stage, Map<String, Object> data) {
    run.emit("stage_complete", stage, data);
  }

  private void skip(Run run, String stage, String why) {
    run.emit("stage_complete", stage, Map.of("skipped", true, "reason", why));
  }

  private static void ensureNotCancelled(Run run) {
    if (run.cancelled()) {
      throw new Cancelled();
    }
  }

  /**
   * Build output as {@code build_progress} events of up to 40 lines: a ticker sends what is pending
   * every half second, so no line waits longer than that, even when the step then prints nothing
   * for a while (the smoke test prints at its end, {@code next build} is silent while it compiles).
   */
  private static final class Progress implements AutoCloseable {
    private final Run run;
    private final List<String> pending = new ArrayList<>();
    private final Thread ticker;

    Progress(Run run) {
      this.run = run;
      this.ticker = Thread.ofVirtual().name("kiln-build-progress").start(this::tick);
    }

    synchronized void line(String text) {
      pending.add(text);
      if (pending.size() >= 40) {
        flush();
      }
    }

    private void tick() {
      try {
        while (true) {
          Thread.sleep(500);
          flush();
        }
      } catch (InterruptedException e) {
        // closed
      }
    }

    /** Stops the ticker and sends the rest. */
    @Override
    public void close() {
      ticker.interrupt();
      try {
        ticker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      flush();
    }

    private synchronized void flush() {
      if (!pending.isEmpty()) {
        run.emit("build_progress", "build", Map.of("lines", List.copyOf(pending)));
        pending.clear();
      }
    }
  }
}
