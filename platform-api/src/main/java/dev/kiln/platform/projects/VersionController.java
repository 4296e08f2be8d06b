package dev.kiln.platform.projects;

import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A project's versions from its git repository: list, files, one file, diff, restore. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/versions")
class VersionController {

  /** One file's content in a version. */
  record FileContent(String path, String content, String sha) {}

  private final Projects projects;
  private final ProjectRepos repos;

  VersionController(Projects projects, ProjectRepos repos) {
    this.projects = projects;
    this.repos = repos;
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping
  List<ProjectRepos.Version> list(@PathVariable UUID org, @PathVariable UUID project) {
    projects.require(org, project);
    return repos.versions(project);
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

  static final class ProjectBusy extends dev.kiln.platform.web.ApiProblem {
    ProjectBusy(String detail) {
      super(HttpStatus.CONFLICT, "project-busy", "Project changed meanwhile", detail);
    }
  }
}
