package dev.kiln.platform.projects;

import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's versions from its git repository: list (with whether each passed its verified build),
 * files, one file, diff, restore, and the verification with its smoke-test screenshots.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/versions")
class VersionController {

  /** One file's content in a version. */
  record FileContent(String path, String content, String sha) {}

  /**
   * A version in the list.
   *
   * @param verification {@code verified}, {@code failed}, or null when it was not built
   */
  record VersionView(
      String id,
      int number,
      String message,
      java.time.Instant at,
      String generationId,
      String parent,
      String verification) {}

  /** A version's verification, its screenshots as URLs of this API. */
  record VerificationView(
      String version,
      UUID generationId,
      boolean verified,
      String step,
      List<String> errors,
      tools.jackson.databind.JsonNode report,
      java.time.Instant checkedAt,
      List<String> screenshots) {}

  private final Projects projects;
  private final ProjectRepos repos;
  private final Verifications verifications;

  VersionController(Projects projects, ProjectRepos repos, Verifications verifications) {
    this.projects = projects;
    this.repos = repos;
    this.verifications = verifications;
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping
  List<VersionView> list(@PathVariable UUID org, @PathVariable UUID project) {
    projects.require(org, project);
    java.util.Map<String, Boolean> checked = verifications.checked(project);
    return repos.versions(project).stream()
        .map(
            v ->
                new VersionView(
                    v.id(),
                    v.number(),
                    v.message(),
                    v.at(),
                    v.generationId(),
                    v.parent(),
                    checked.containsKey(v.id())
                        ? (checked.get(v.id()) ? "verified" : "failed")
                        : null))
        .toList();
  }

  /** What the verified build found: 404 {@code version-not-checked} before it ran. */
  @RequiresRole(Role.VIEWER)
  @GetMapping("/{v}/verification")
  VerificationView verification(
      @PathVariable UUID org, @PathVariable UUID project, @PathVariable String v) {
    projects.require(org, project);
    Verifications.Verification found =
        verifications.find(project, resolve(project, v)).orElseThrow(NotChecked::new);
    String base = "/api/v1/orgs/" + org + "/projects/" + project + "/versions/" + found.version();
    return new VerificationView(
        found.version(),
        found.generationId(),
        found.verified(),
        found.step(),
        found.errors(),
        found.report(),
        found.checkedAt(),
        found.screenshots().stream().map(n -> base + "/screenshots/" + n).toList());
  }

  /** A smoke-test screenshot (PNG) of the {@code n}th route of the manifest. */
  @RequiresRole(Role.VIEWER)
  @GetMapping("/{v}/screenshots/{n}")
  ResponseEntity<byte[]> screenshot(
      @PathVariable UUID org,
      @PathVariable UUID project,
      @PathVariable String v,
      @PathVariable int n) {
    projects.require(org, project);
    byte[] png =
        verifications
            .screenshot(project, resolve(project, v), n)
            .orElseThrow(ScreenshotNotFound::new);
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
        .body(png);
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{v}")
  ProjectRepos.Version get(
      @PathVariable UUID org, @PathVariable UUID project, @PathVariable String v) {
    projects.require(org, project);
    return repos.version(project, v).orElseThrow(ProjectRepos.VersionNotFound::new);
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{v}/files")
  List<ProjectRepos.FileEntry> files(
      @PathVariable UUID org, @PathVariable UUID project, @PathVariable String v) {
    projects.require(org, project);
    return repos.list(project, resolve(project, v));
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{v}/files/{*path}")
  FileContent file(
      @PathVariable UUID org,
      @PathVariable UUID project,
      @PathVariable String v,
      @PathVariable String path) {
    projects.require(org, project);
    String relative = path.startsWith("/") ? path.substring(1) : path;
    String content =
        repos.file(project, resolve(project, v), relative).orElseThrow(FileNotFound::new);
    return new FileContent(
        relative,
        content,
        ProjectRepos.sha256(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{v}/diff")
  List<ProjectRepos.Change> diff(
      @PathVariable UUID org,
      @PathVariable UUID project,
      @PathVariable String v,
      @RequestParam String from) {
    projects.require(org, project);
    return repos.diff(project, resolve(project, from), resolve(project, v));
  }

  /** A new version with the files of {@code v}. */
  @RequiresRole(Role.EDITOR)
  @PostMapping("/{v}/restore")
  @ResponseStatus(HttpStatus.CREATED)
  ProjectRepos.Version restore(
      @PathVariable UUID org, @PathVariable UUID project, @PathVariable String v) {
    projects.require(org, project);
    String target = resolve(project, v);
    ProjectRepos.Version restored;
    try {
      restored = repos.restore(project, target, repos.head(project));
    } catch (ProjectRepos.Conflict e) {
      throw new ProjectBusy(e.getMessage());
    }
    String manifest =
        repos
            .file(project, restored.id(), "kiln/manifest.json")
            .map(m -> ProjectRepos.sha256(m.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .orElse(null);
    projects.recordHead(org, project, restored.id(), manifest);
    verifications.copy(project, target, restored.id());
    return restored;
  }

  private String resolve(UUID project, String v) {
    return repos.version(project, v).orElseThrow(ProjectRepos.VersionNotFound::new).id();
  }

  static final class FileNotFound extends dev.kiln.platform.web.ApiProblem {
    FileNotFound() {
      super(
          HttpStatus.NOT_FOUND,
          "file-not-found",
          "File not found",
          "This version has no file at this path.");
    }
  }

  static final class NotChecked extends dev.kiln.platform.web.ApiProblem {
    NotChecked() {
      super(
          HttpStatus.NOT_FOUND,
          "version-not-checked",
          "Version not checked",
          "This version has not been through the verified build (yet).");
    }
  }

  static final class ScreenshotNotFound extends dev.kiln.platform.web.ApiProblem {
    ScreenshotNotFound() {
      super(
          HttpStatus.NOT_FOUND,
          "screenshot-not-found",
          "Screenshot not found",
          "This version has no smoke-test screenshot with this number.");
    }
  }

  static final class ProjectBusy extends dev.kiln.platform.web.ApiProblem {
    ProjectBusy(String detail) {
      super(HttpStatus.CONFLICT, "project-busy", "Project changed meanwhile", detail);
    }
  }
}
