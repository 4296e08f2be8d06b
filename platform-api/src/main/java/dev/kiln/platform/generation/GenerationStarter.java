package dev.kiln.platform.generation;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.pricing.Operation;
import dev.kiln.billing.pricing.Pricing;
import dev.kiln.platform.outbox.Outbox;
import dev.kiln.platform.projects.FirstGeneration;
import dev.kiln.platform.projects.Projects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a generation in one transaction: the credit hold of its estimate, the row, and the job on
 * the outbox. Nothing runs if any part fails; the relay publishes the job after commit.
 */
@Component
class GenerationStarter implements FirstGeneration {

  /** What a start answers (202). */
  record Started(UUID id, String status, long estimate) {}

  private final Projects projects;
  private final Generations generations;
  private final CreditLedger ledger;
  private final Pricing pricing;
  private final Outbox outbox;
  private final JsonMapper json;

  GenerationStarter(
      Projects projects,
      Generations generations,
      CreditLedger ledger,
      Pricing pricing,
      Outbox outbox,
      JsonMapper json) {
    this.projects = projects;
    this.generations = generations;
    this.ledger = ledger;
    this.pricing = pricing;
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  @Transactional
  public UUID start(UUID org, UUID project, String prompt, UUID by) {
    return begin(org, project, prompt, by).id();
  }

  @Transactional
  Started begin(UUID org, UUID project, String prompt, UUID by) {
    Projects.Project p = projects.require(org, project);
    if (generations.busy(org, project)) {
      throw new GenerationProblems.GenerationInProgress();
    }
    UUID id = UUID.randomUUID();
    long estimate = pricing.estimate(Operation.GENERATION, 1);
    var hold =
        ledger.reserve(
            org, Operation.GENERATION.id(), estimate, "generation/" + id, "generation:" + id);
    generations.insert(
        id,
        org,
        project,
        p.head() == null ? "first" : "edit",
        dev.kiln.platform.generation.llm.Redaction.redact(prompt),
        estimate,
        hold.id(),
        by);
    outbox.enqueue(
        GenerationJobs.REQUESTED,
        project.toString(),
        json.writeValueAsString(new GenerationJobs.Job(id, org, project)));
    return new Started(id, "queued", estimate);
  }
}
