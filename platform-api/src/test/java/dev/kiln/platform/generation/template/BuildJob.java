package dev.kiln.platform.generation.template;

import dev.kiln.platform.generation.template.SandboxAppChecks.App;
import dev.kiln.platform.generation.template.SandboxAppChecks.Failure;
import dev.kiln.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code next build} of one app at the workspace root, as the build stage runs it, then a look at
 * what it left: every page the app must export is there, and the files {@code next build} likes to
 * rewrite are as rendered.
 */
final class BuildJob implements SandboxAppChecks.Job {

  private static final Duration BUILD_TIME = Duration.ofMinutes(5);
  private static final Duration LOOK_TIME = Duration.ofMinutes(1);
  private static final List<String> BUILD =
      List.of(
          "env",
          "NODE_ENV=production",
          "NEXT_TELEMETRY_DISABLED=1",
          "node",
          "node_modules/next/dist/bin/next",
          "build");

  /** Files {@code next build} must leave exactly as rendered. */
  private static final List<String> UNCHANGED =
      List.of("tsconfig.json", "next-env.d.ts", "package.json");

  /** Prints {@code missing FILE} for each argument that is not a file, then the files' hashes. */
  private static final String LOOK =
      "for f in \"$@\"; do [ -f \"$f\" ] || echo \"missing $f\"; done; sha256sum "
          + String.join(" ", UNCHANGED);

  private final int order;
  private final App app;
  private String timings = "";

  BuildJob(int order, App app) {
    this.order = order;
    this.app = app;
  }

  @Override
  public String name() {
    return app.name();
  }

  @Override
  public List<Failure> run(Sandbox box) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    app.files().forEach((p, c) -> files.put(p, c.getBytes(StandardCharsets.UTF_8)));
    box.upload(files);
    ToolRun build = ToolRun.exec(box, BUILD_TIME, BUILD);
    timings = "next build " + build.seconds();
    if (!build.ok()) {
      return List.of(new Failure(order, app.name(), "next build", build.why()));
    }
    List<String> look = new ArrayList<>(List.of("sh", "-c", LOOK, "sh"));
    look.addAll(app.exported());
    look.addAll(UNCHANGED);
    List<String> wrong = wrong(ToolRun.exec(box, LOOK_TIME, look).lines());
    return wrong.isEmpty() ? List.of() : List.of(new Failure(order, app.name(), "out", wrong));
  }

  @Override
  public String timings() {
    return timings;
  }

  /** The missing files, and each file that changed, from what the look printed. */
  private List<String> wrong(List<String> printed) {
    List<String> wrong =
        new ArrayList<>(printed.stream().filter(l -> l.startsWith("missing ")).toList());
    for (String kept : UNCHANGED) {
      String expected = sha256(app.files().get(kept)) + "  " + kept;
      if (!printed.contains(expected) && !wrong.contains("missing " + kept)) {
        wrong.add(kept + " was changed by next build");
      }
    }
    return wrong;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
