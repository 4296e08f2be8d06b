package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.SandboxAppChecks.App;
import dev.kiln.platform.generation.template.SandboxAppChecks.Failure;
import dev.kiln.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prettier, ESLint and {@code tsc --noEmit} over every app in one sandbox, each app in its own
 * {@code apps/NN} directory and each tool started once for all of them, so its start-up and the
 * type libraries are paid once: Prettier with each app's {@code .prettierrc} and ignore files,
 * ESLint through its API with each app's directory as the working directory (as {@code eslint .}
 * there), and {@code tsc -b} with each app's own {@code tsconfig.json}. Lines naming {@code
 * apps/NN/} (and the indented lines under them) are that app's.
 */
final class ToolsJob implements SandboxAppChecks.Job {

  private static final Duration STEP_TIME = Duration.ofMinutes(10);
  private static final String LINT_SCRIPT = "kiln-lint.mjs";

  /** {@code eslint .} in each directory given, one line per message, exit 1 on any error. */
  private static final String LINT =
      """
      import path from "node:path";
      import { ESLint } from "eslint";

      let errors = 0;
      for (const dir of process.argv.slice(2)) {
        const eslint = new ESLint({ cwd: path.resolve(dir) });
        for (const result of await eslint.lintFiles(["."])) {
          const file = path.relative(process.cwd(), result.filePath);
          for (const m of result.messages) {
            const level = m.severity === 2 ? "error" : "warning";
            console.log(`${file}:${m.line ?? 0}:${m.column ?? 0} ${level} ${m.message} (${m.ruleId ?? "fatal"})`);
            errors += m.severity === 2 ? 1 : 0;
          }
        }
      }
      process.exitCode = errors > 0 ? 1 : 0;
      """;

  private static final Pattern APP_DIR = Pattern.compile("apps/(\\d{2})/");

  private final List<App> apps;
  private final List<String> timings = new ArrayList<>();

  ToolsJob(List<App> apps) {
    this.apps = apps;
  }

  @Override
  public String name() {
    return "prettier, eslint and tsc for all " + apps.size() + " apps";
  }

  @Override
  public List<Failure> run(Sandbox box) {
    Map<String, byte[]> files = new HashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      String dir = dir(i) + "/";
      apps.get(i).files().forEach((p, c) -> files.put(dir + p, c.getBytes(StandardCharsets.UTF_8)));
    }
    files.put(LINT_SCRIPT, LINT.getBytes(StandardCharsets.UTF_8));
    box.upload(files);
    List<Failure> failures = new ArrayList<>();
    for (var step : steps().entrySet()) {
      ToolRun run = ToolRun.exec(box, STEP_TIME, step.getValue());
      timings.add(step.getKey() + " " + run.seconds());
      if (!run.ok()) {
        failures.addAll(byApp(step.getKey(), run));
      }
      if (run.killed()) {
        break;
      }
    }
    return failures;
  }

  @Override
  public String timings() {
    return String.join(", ", timings);
  }

  private Map<String, List<String>> steps() {
    List<String> dirs = new ArrayList<>();
    List<String> prettier =
        new ArrayList<>(List.of("node", "node_modules/prettier/bin/prettier.cjs", "--check"));
    for (int i = 0; i < apps.size(); i++) {
      dirs.add(dir(i));
      prettier.addAll(
          List.of(
              "--ignore-path",
              dir(i) + "/.prettierignore",
              "--ignore-path",
              dir(i) + "/.gitignore"));
    }
    prettier.addAll(dirs);
    List<String> eslint = new ArrayList<>(List.of("node", LINT_SCRIPT));
    eslint.addAll(dirs);
    List<String> tsc =
        new ArrayList<>(
            List.of(
                "node",
                "node_modules/typescript/bin/tsc",
                "-b",
                "--force",
                "--noEmit",
                "--pretty",
                "false"));
    tsc.addAll(dirs);
    Map<String, List<String>> steps = new LinkedHashMap<>();
    steps.put("prettier --check", prettier);
    steps.put("eslint", eslint);
    steps.put("tsc --noEmit", tsc);
    return steps;
  }

  /** The failed step's lines, by the app they name; the rest, if nothing names an app, for all. */
  private List<Failure> byApp(String step, ToolRun run) {
    Map<Integer, List<String>> lines = new TreeMap<>();
    Integer current = null;
    for (String line : run.lines()) {
      Matcher app = APP_DIR.matcher(line);
      if (app.find()) {
        current = Integer.valueOf(app.group(1));
      } else if (!line.startsWith(" ")) {
        current = null;
      }
      if (current != null) {
        lines.computeIfAbsent(current, k -> new ArrayList<>()).add(line);
      }
    }
    if (lines.isEmpty() || run.killed()) {
      return List.of(new Failure(-1, "every app", step, run.why()));
    }
    List<Failure> failures = new ArrayList<>();
    lines.forEach(
        (i, said) -> failures.add(new Failure(i, apps.get(i).name(), step, run.why(said))));
    return failures;
  }

  private static String dir(int i) {
    return String.format("apps/%02d", i);
  }
}
