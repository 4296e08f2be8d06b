package dev.kiln.platform.projects;

import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import dev.kiln.platform.web.TextRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orgs/{org}/projects}: viewers read, editors create and rename, owners delete. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects")
class ProjectController {

  record NewProject(
      @NotNull @Pattern(regexp = TextRules.NAME, message = TextRules.NAME_MESSAGE) String name,
      @Size(min = 3, max = 4000) String prompt) {}

  record ProjectName(
      @NotNull @Pattern(regexp = TextRules.NAME, message = TextRules.NAME_MESSAGE) String name) {}

  /** A new project and, when a prompt was given, its first generation. */
  record Created(Projects.Project project, UUID generationId) {}

  private final Projects projects;
  private final ObjectProvider<FirstGeneration> firstGeneration;

  ProjectController(Projects projects, ObjectProvider<FirstGeneration> firstGeneration) {
    this.projects = projects;
    this.firstGeneration = firstGeneration;
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping
  List<Projects.Project> list(@PathVariable UUID org) {
    return projects.list(org);
  }

  @RequiresRole(Role.EDITOR)
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Created create(
      @PathVariable UUID org,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @RequestBody NewProject request) {
    Projects.Project project = projects.create(org, request.name(), user.id());
    UUID generation = null;
    FirstGeneration starter = firstGeneration.getIfAvailable();
    if (request.prompt() != null && starter != null) {
      generation = starter.start(org, project.id(), request.prompt(), user.id());
    }
    return new Created(project, generation);
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{project}")
  Projects.Project get(@PathVariable UUID org, @PathVariable UUID project) {
    return projects.require(org, project);
  }

  @RequiresRole(Role.EDITOR)
  @PatchMapping("/{project}")
  Projects.Project rename(
      @PathVariable UUID org, @PathVariable UUID project, @Valid @RequestBody ProjectName request) {
    return projects.rename(org, project, request.name());
  }

  @RequiresRole(Role.OWNER)
  @DeleteMapping("/{project}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID org, @PathVariable UUID project) {
    projects.delete(org, project);
  }
}
