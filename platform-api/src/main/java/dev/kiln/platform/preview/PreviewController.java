package dev.kiln.platform.preview;

import dev.kiln.platform.projects.Projects;
import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/orgs/{org}/projects/{project}/preview}: viewers open a preview and get a signed
 * link to it; editors stop it.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/preview")
class PreviewController {

  private final ObjectProvider<Previews> previews;
  private final Projects projects;

  PreviewController(ObjectProvider<Previews> previews, Projects projects) {
    this.previews = previews;
    this.projects = projects;
  }

  /** Starts the preview from the project's head unless it runs; answers with a fresh link. */
  @RequiresRole(Role.VIEWER)
  @PostMapping
  Map<String, Object> open(@PathVariable UUID org, @PathVariable UUID project) {
    Previews p = previews();
    Preview preview = p.open(org, project);
    Instant expires = p.expiry();
    return preview.view(p.url(preview, expires), expires);
  }

  /** The preview's state, with a fresh link while it runs. */
  @RequiresRole(Role.VIEWER)
  @GetMapping
  Map<String, Object> get(@PathVariable UUID org, @PathVariable UUID project) {
    projects.require(org, project);
    Previews p = previews();
    Preview preview =
        p.find(project).filter(v -> v.org.equals(org)).orElseThrow(PreviewProblems.NotRunning::new);
    if (!preview.running()) {
      return preview.view(null, null);
    }
    Instant expires = p.expiry();
    return preview.view(p.url(preview, expires), expires);
  }

  @RequiresRole(Role.EDITOR)
  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void stop(@PathVariable UUID org, @PathVariable UUID project) {
    projects.require(org, project);
    Previews p = previews();
    boolean mine = p.find(project).map(v -> v.org.equals(org)).orElse(false);
    if (!mine || !p.stop(project, "stopped by a user")) {
      throw new PreviewProblems.NotRunning();
    }
  }

  private Previews previews() {
    Previews p = previews.getIfAvailable();
    if (p == null) {
      throw new PreviewProblems.Disabled();
    }
    return p;
  }
}
