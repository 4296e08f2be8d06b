package dev.kiln.platform.preview;

import dev.kiln.platform.events.GenerationEvents;
import dev.kiln.platform.projects.ProjectRepos;
import dev.kiln.platform.projects.Projects;
import dev.kiln.platform.sandbox.SandboxAccess;
import dev.kiln.platform.tenancy.TenantContext;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The previews this process runs, one per project at most: started from the project's head (or a
 * version a generation just committed), updated in place with the changed files so the dev server
 * hot-reloads, stopped when idle or to make room within the org's limit, and watched: a dev server
 * that exits or answers its page with an error is reported, never shown as ready. Every change is
 * an event on the project's latest generation stream.
 */
public final class Previews implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Previews.class);
  static final int DEV_PORT = 3000;

  /** The generated app's smoke script, used here on the dev server's first page. */
  static final String BROWSER_CHECK = "kiln/smoke.mjs";

  private static final Duration SETTLE = Duration.ofMillis(750);

  private final PreviewSettings settings;
  private final SandboxAccess sandboxes;
  private final Projects projects;
  private final ProjectRepos repos;
  private final GenerationEvents events;
  private final PreviewLinks links;
  private final Clock clock;
  private final Map<UUID, Preview> byProject = new ConcurrentHashMap<>();
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService watch =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("preview-watch").daemon().factory());
  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1: the JDK's default first request asks to upgrade to h2c, which Next.js's dev
          // server takes for a WebSocket upgrade and never answers.
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile int proxyPort;

  Previews(
      PreviewSettings settings,
      SandboxAccess sandboxes,
      Projects projects,
      ProjectRepos repos,
      GenerationEvents events,
      PreviewLinks links,
      Clock clock) {
    this.settings = settings;
    this.sandboxes = sandboxes;
    this.projects = projects;
    this.repos = repos;
    this.events = events;
    this.links = links;
    this.clock = clock;
    watch.scheduleWithFixedDelay(this::watch, 2, 2, TimeUnit.SECONDS);
  }

  void proxyPort(int port) {
    this.proxyPort = port;
  }

  /**
   * A generation committed {@code version} of {@code project}: a running preview gets the changed
   * files (hot reload); with {@code kiln.preview.follow-versions} a project without one starts one.
   */
  public void versionCommitted(
      UUID org, UUID project, UUID generation, String version, Map<String, String> files) {
    Preview p = byProject.get(project);
    if (p != null && p.running()) {
      p.stream = generation;
      // Updates of one preview apply in the order they came: the committed files after the draft.
      synchronized (p) {
        p.updates = p.updates.thenRunAsync(() -> update(p, version, files), work);
      }
    } else if (settings.followVersions()) {
      try {
        start(org, project, generation, version, files);
      } catch (PreviewProblems.LimitReached e) {
        // The generation goes on; the preview starts when a user opens it within the limit.
        log.info("No preview for project {}: {}", project, e.getMessage());
      }
    }
  }

  /**
   * A generation rendered {@code files}, not yet checked by the tool plugins nor committed: they
   * reach the running preview at once, or (with {@code kiln.preview.follow-versions}) start one, so
   * the change shows while the plugins and the build run; the committed version follows as an
   * update with what the plugins changed.
   */
  public void rendered(UUID org, UUID project, UUID generation, Map<String, String> files) {
    versionCommitted(org, project, generation, DRAFT, files);
  }

  /** The version of a preview started from rendered files before their commit. */
  static final String DRAFT = "draft";

  /** Opens the project's preview: started from its head when it is not running. */
  Preview open(UUID org, UUID project) {
    Projects.Project row = projects.require(org, project);
    Preview p = byProject.get(project);
    if (p != null && p.running() && p.org.equals(org)) {
      p.lastUsed = clock.instant();
      return p;
    }
    if (row.head() == null) {
      throw new PreviewProblems.NoVersion();
    }
    UUID stream = events.latestStream(org, project).orElse(project);
    return start(org, project, stream, row.head(), repos.files(project, row.head()));
  }

  /** The project's preview in this process, if any. */
  Optional<Preview> find(UUID project) {
    return Optional.ofNullable(byProject.get(project));
  }

  /**
   * The preview a proxied visit reaches: marked used; one stopped for idleness starts again from
   * its project's head.
   */
  Optional<Preview> visit(UUID project) {
    Preview p = byProject.get(project);
    if (p == null) {
      return Optional.empty();
    }
    p.lastUsed = clock.instant();
    if (p.status == Preview.Status.STOPPED) {
      return Optional.of(TenantContext.callAs(p.org, () -> open(p.org, project)));
    }
    return Optional.of(p);
  }

  Instant expiry() {
    return clock.instant().plus(settings.linkTtl()).truncatedTo(ChronoUnit.SECONDS);
  }

  String url(Preview p, Instant expires) {
    int port = settings.publicPort() != 0 ? settings.publicPort() : proxyPort;
    boolean defaultPort =
        (settings.scheme().equals("http") && port == 80)
            || (settings.scheme().equals("https") && port == 443);
    return settings.scheme()
        + "://"
        + links.label(p.project, expires)
        + "."
        + settings.domain()
        + (defaultPort ? "" : ":" + port)
        + "/";
  }

  /** Stops the project's preview; false when none was running. */
  boolean stop(UUID project, String reason) {
    Preview p = byProject.get(project);
    if (p == null || !p.running()) {
      return false;
    }
    shutDown(p, reason);
    return true;
  }

  private synchronized Preview start(
      UUID org, UUID project, UUID stream, String version, Map<String, String> files) {
    Preview existing = byProject.get(project);
    if (existing != null && existing.running()) {
      return existing;
    }
    makeRoom(org, project);
    Preview p = new Preview(org, project, clock.instant());
    p.stream = stream;
    p.version = version;
    byProject.put(project, p);
    emit(p, "preview_starting", Map.of("version", version));
    work.submit(() -> boot(p, files));
    return p;
  }

  /**
   * Keeps the org within its limit: its least recently used preview stops, or this one is refused.
   */
  private void makeRoom(UUID org, UUID project) {
    List<Preview> running =
        byProject.values().stream()
            .filter(p -> p.org.equals(org) && p.running() && !p.project.equals(project))
            .sorted(Comparator.comparing(p -> p.lastUsed))
            .toList();
    int over = running.size() - settings.maxPerOrg() + 1;
    if (over <= 0) {
      return;
    }
    if (!settings.stopOldestWhenFull()) {
      throw new PreviewProblems.LimitReached(settings.maxPerOrg());
    }
    for (Preview oldest : running.subList(0, over)) {
      shutDown(
          oldest,
          "stopped to make room: the organization may run "
              + settings.maxPerOrg()
              + " previews at once");
    }
  }

  private void boot(Preview p, Map<String, String> files) {
    try {
      String manifest = files.get("package.json");
      String lockfile = files.get("package-lock.json");
      if (manifest == null || lockfile == null) {
        fail(p, "the project has no package.json and package-lock.json to run");
        return;
      }
      var installed =
          sandboxes
              .dependencies()
              .install(
                  p.org.toString(),
                  manifest.getBytes(StandardCharsets.UTF_8),
                  lockfile.getBytes(StandardCharsets.UTF_8));
      SandboxSpec spec =
          new SandboxSpec(
                  sandboxes.image(),
                  SandboxSpec.Limits.defaults()
                      .withMemory(settings.memory().toBytes())
                      .withPids(1024)
                      .withWallTime(settings.lifetime())
                      .withOutputBytes(64 * SandboxSpec.Limits.MIB)
                      .withScratchBytes(1024 * SandboxSpec.Limits.MIB),
                  SandboxSpec.NetworkPolicy.SERVE,
                  p.org.toString())
              .withDependencies(installed.nodeModules());
      Sandbox sandbox = sandboxes.backend().open(spec);
      synchronized (p) {
        if (p.status == Preview.Status.STOPPED) {
          sandbox.close();
          return;
        }
        // A version that arrived while the sandbox was being prepared replaces the first files.
        Map<String, String> current = p.pending != null ? p.pending : files;
        sandbox.upload(bytes(current));
        p.files = new TreeMap<>(current);
        p.pending = null;
        p.sandbox = sandbox;
      }
      p.served = sandbox.serve(devCommand(), DEV_PORT, line -> p.line(line.text()));
      long deadline = System.nanoTime() + settings.startTimeout().toNanos();
      while (System.nanoTime() < deadline && p.status == Preview.Status.STARTING) {
        if (!p.served.alive()) {
          fail(p, "the dev server exited while starting:\n" + tail(p));
          return;
        }
        Page page = fetch(p.served.address(), "/");
        if (page != null && page.status() < 500) {
          synchronized (p) {
            if (p.status != Preview.Status.STARTING) {
              return;
            }
            p.status = Preview.Status.READY;
            p.lastUsed = clock.instant();
          }
          Instant expires = expiry();
          emit(
              p,
              "preview_ready",
              Map.of(
                  "version",
                  p.version,
                  "url",
                  url(p, expires),
                  "expiresAt",
                  expires.toString(),
                  "startedInMs",
                  Duration.between(p.startedAt, clock.instant()).toMillis()));
          inBrowser(p, p.version);
          return;
        }
        if (page != null) {
          fail(p, "the app's first page fails (" + page.status() + "):\n" + page.text());
          return;
        }
        Thread.sleep(250);
      }
      if (p.status == Preview.Status.STARTING) {
        fail(
            p, "the dev server did not answer within " + settings.startTimeout() + ":\n" + tail(p));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Preview of project {} failed to start", p.project, e);
      fail(p, "the preview could not start: " + e.getMessage());
    }
  }

  /**
   * Sends the changed files into the running dev server, which hot-reloads them, then asks for the
   * first page: a page that now fails is reported with its text, and the preview keeps running so
   * the next version can repair it.
   */
  private void update(Preview p, String version, Map<String, String> files) {
    Map<String, byte[]> changed = new LinkedHashMap<>();
    List<String> deleted = new ArrayList<>();
    synchronized (p) {
      if (!p.running()) {
        return;
      }
      if (p.sandbox == null) {
        p.pending = files;
        p.version = version;
        return;
      }
      files.forEach(
          (path, content) -> {
            if (!content.equals(p.files.get(path))) {
              changed.put(path, content.getBytes(StandardCharsets.UTF_8));
            }
          });
      for (String path : p.files.keySet()) {
        if (!files.containsKey(path)) {
          deleted.add(path);
        }
      }
      try {
        if (!changed.isEmpty()) {
          p.sandbox.upload(changed);
        }
        if (!deleted.isEmpty()) {
          List<String> rm = new ArrayList<>(List.of("rm", "-f", "--"));
          rm.addAll(deleted);
          p.sandbox.exec(rm, line -> {});
        }
      } catch (RuntimeException e) {
        fail(p, "the new version could not reach the preview: " + e.getMessage());
        return;
      }
      p.files = new TreeMap<>(files);
      p.version = version;
    }
    emit(
        p,
        "preview_updated",
        Map.of(
            "version",
            version,
            "changed",
            List.copyOf(changed.keySet()),
            "deleted",
            List.copyOf(deleted)));
    Page page = null;
    if (p.status == Preview.Status.READY) {
      try {
        Thread.sleep(SETTLE.toMillis()); // let the dev server's file watcher see the change
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      page = fetch(p.address(), "/");
    }
    if (page != null && page.status() >= 500) {
      p.error = page.text();
      emit(
          p,
          "preview_error",
          Map.of(
              "version",
              version,
              "error",
              "the app's first page fails (" + page.status() + "):\n" + page.text()));
    } else {
      p.error = null;
      if (page != null) {
        inBrowser(p, version);
      }
    }
  }

  /**
   * Opens the first page in Chromium inside the preview's sandbox (the app's own smoke script
   * against the dev server): a blank page or a console error is a {@code preview_error} with what
   * the browser saw, though the server answered. Skipped for an app without the script.
   */
  private void inBrowser(Preview p, String version) {
    Sandbox sandbox;
    synchronized (p) {
      sandbox = p.sandbox;
      if (sandbox == null || p.files == null || !p.files.containsKey(BROWSER_CHECK)) {
        return;
      }
    }
    List<String> lines = new ArrayList<>();
    try {
      var result =
          sandbox.exec(
              List.of(
                  "env",
                  "SMOKE_URL=http://localhost:" + DEV_PORT,
                  "SMOKE_PATHS=/",
                  "SMOKE_OUT=/tmp/kiln-preview-check",
                  "node",
                  BROWSER_CHECK),
              line -> lines.add(line.text()));
      if (result.succeeded()) {
        return;
      }
    } catch (RuntimeException e) {
      log.debug("The browser check of project {} could not run", p.project, e);
      return;
    }
    String seen =
        String.join(
            "\n",
            lines.stream()
                .filter(l -> l.startsWith("FAIL"))
                .map(l -> l.substring(4).strip())
                .toList());
    synchronized (p) {
      if (!version.equals(p.version) || !p.running()) {
        return; // a newer version is on its way, or the preview stopped
      }
      p.error = "the app's first page in a browser: " + (seen.isEmpty() ? "failed" : seen);
    }
    emit(p, "preview_error", Map.of("version", version, "error", p.error));
  }

  /**
   * The preview's error for {@code version} of {@code project}, when it is that version it shows:
   * what the auto-fix loop is given along with the build's errors.
   */
  public java.util.Optional<String> error(UUID project, String version) {
    Preview p = byProject.get(project);
    if (p == null) {
      return java.util.Optional.empty();
    }
    synchronized (p) {
      return version.equals(p.version)
          ? java.util.Optional.ofNullable(p.error)
          : java.util.Optional.empty();
    }
  }

  /** Stops idle previews and reports dev servers that died. */
  private void watch() {
    Instant idleBefore = clock.instant().minus(settings.idleStop());
    for (Preview p : byProject.values()) {
      try {
        // A starting preview has its own timeout; the idle time counts from when it was ready.
        if (p.running() && p.status != Preview.Status.STARTING && p.lastUsed.isBefore(idleBefore)) {
          shutDown(p, "idle for " + settings.idleStop());
        } else if (p.status == Preview.Status.READY && p.served != null && !p.served.alive()) {
          fail(p, "the dev server stopped:\n" + tail(p));
        }
      } catch (RuntimeException e) {
        log.warn("Watching the preview of project {} failed", p.project, e);
      }
    }
  }

  private void fail(Preview p, String error) {
    synchronized (p) {
      if (p.status == Preview.Status.STOPPED) {
        return;
      }
      p.status = Preview.Status.ERROR;
      p.error = error;
      release(p);
    }
    emit(p, "preview_error", Map.of("version", String.valueOf(p.version), "error", error));
  }

  private void shutDown(Preview p, String reason) {
    synchronized (p) {
      if (p.status == Preview.Status.STOPPED) {
        return;
      }
      p.status = Preview.Status.STOPPED;
      release(p);
    }
    emit(p, "preview_stopped", Map.of("reason", reason));
  }

  private static void release(Preview p) {
    Sandbox sandbox = p.sandbox;
    p.sandbox = null;
    p.served = null;
    if (sandbox != null) {
      try {
        sandbox.close();
      } catch (RuntimeException e) {
        log.warn("Closing the preview sandbox of project {} failed", p.project, e);
      }
    }
  }

  private void emit(Preview p, String type, Map<String, Object> data) {
    try {
      TenantContext.callAs(
          p.org, () -> events.append(p.org, p.project, p.stream, type, "preview", data));
    } catch (RuntimeException e) {
      log.warn("Could not record {} for project {}", type, p.project, e);
    }
  }

  /** What a page answered: its status and the start of its text. */
  record Page(int status, String text) {}

  /** GET {@code path} from a dev server; null when it does not answer (yet). */
  Page fetch(InetSocketAddress address, String path) {
    if (address == null) {
      return null;
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://"
                              + address.getAddress().getHostAddress()
                              + ":"
                              + address.getPort()
                              + path))
                  .timeout(Duration.ofMinutes(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Page(response.statusCode(), body.length() > 2000 ? body.substring(0, 2000) : body);
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private List<String> devCommand() {
    return List.of(
        "env",
        "NEXT_TELEMETRY_DISABLED=1",
        "KILN_PREVIEW_HOSTS=*." + settings.domain(),
        "node",
        "node_modules/next/dist/bin/next",
        "dev",
        "--turbopack",
        "--port",
        String.valueOf(DEV_PORT),
        "--hostname",
        "0.0.0.0");
  }

  private static String tail(Preview p) {
    return String.join("\n", p.lastLines(30));
  }

  private static Map<String, byte[]> bytes(Map<String, String> files) {
    Map<String, byte[]> out = new HashMap<>();
    files.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  /** Running previews of {@code org}, for the API. */
  List<Preview> running(UUID org) {
    return byProject.values().stream().filter(p -> p.org.equals(org) && p.running()).toList();
  }

  @Override
  public void close() {
    watch.shutdownNow();
    for (Preview p : byProject.values()) {
      synchronized (p) {
        p.status = Preview.Status.STOPPED;
        release(p);
      }
    }
    work.shutdownNow();
    http.close();
  }
}
