package dev.kiln.platform.generation;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.platform.events.GenerationEvents;
import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.projects.Projects;
import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code .../projects/{project}/generations}: start (editors), read, cancel, replay events. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/generations")
class GenerationController {

  record Prompt(@NotNull @Size(min = 3, max = 4000) String prompt) {}

  private final GenerationStarter starter;
  private final Generations generations;
  private final Projects projects;
  private final GenerationEvents events;
  private final CreditLedger ledger;

  GenerationController(
      GenerationStarter starter,
      Generations generations,
      Projects projects,
      GenerationEvents events,
      CreditLedger ledger) {
    this.starter = starter;
    this.generations = generations;
    this.projects = projects;
    this.events = events;
    this.ledger = ledger;
  }

  /** A first generation or a follow-up edit: 202 with its id and credit estimate. */
  @RequiresRole(Role.EDITOR)
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  GenerationStarter.Started start(
      @PathVariable UUID org,
      @PathVariable UUID project,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @RequestBody Prompt request) {
    return starter.begin(org, project, request.prompt(), user.id());
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping
  List<Generations.Generation> list(@PathVariable UUID org, @PathVariable UUID project) {
    projects.require(org, project);
    return generations.list(org, project);
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{gen}")
  Generations.Generation get(
      @PathVariable UUID org, @PathVariable UUID project, @PathVariable UUID gen) {
    return require(org, project, gen);
  }

  /** Stops a queued or running generation; its hold is released, nothing is charged. */
  @RequiresRole(Role.EDITOR)
  @PostMapping("/{gen}/cancel")
  @Transactional
  Generations.Generation cancel(
      @PathVariable UUID org, @PathVariable UUID project, @PathVariable UUID gen) {
    Generations.Generation g = require(org, project, gen);
    if (!generations.finish(org, gen, "cancelled", null, "cancelled by a user", 0L)) {
      throw new GenerationProblems.GenerationFinished(g.status());
    }
    ledger.release(org, g.holdId(), "generation cancelled");
    events.append(org, project, gen, "generation_failed", g.stage(), Map.of("reason", "cancelled"));
    return require(org, project, gen);
  }

  /** The generation's events after {@code after}, in order: what a reconnecting client missed. */
  @RequiresRole(Role.VIEWER)
  @GetMapping("/{gen}/events")
  List<dev.kiln.platform.events.Event> events(
      @PathVariable UUID org,
      @PathVariable UUID project,
      @PathVariable UUID gen,
      @RequestParam(defaultValue = "0") @Min(0) long after,
      @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
    require(org, project, gen);
    return events.after(org, gen, after, limit);
  }

  private Generations.Generation require(UUID org, UUID project, UUID gen) {
    projects.require(org, project);
    return generations
        .find(org, gen)
        .filter(g -> g.projectId().equals(project))
        .orElseThrow(GenerationProblems.GenerationNotFound::new);
  }
}
