package dev.kiln.platform.generation;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.pricing.Operation;
import dev.kiln.billing.pricing.Pricing;
import dev.kiln.platform.generation.llm.LlmGateway;
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
  private final LlmGateway gateway;
  private final GenerationSettings settings;
  private final JsonMapper json;

  GenerationStarter(
      Projects projects,
      Generations generations,
      CreditLedger ledger,
      Pricing pricing,
      Outbox outbox,
      LlmGateway gateway,
      GenerationSettings settings,
      JsonMapper json) {
    this.projects = projects;
    this.generations = generations;
    this.ledger = ledger;
    this.pricing = pricing;
    this.outbox = outbox;
    this.gateway = gateway;
    this.settings = settings;
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
    // A model plans when the org stored a key or the platform has one. Its tokens are metered on
    // top of the generation's price, up to the budget the hold covers; with the org's own key the
    // org pays its provider, so only the generation's price is held.
    boolean llm = gateway.available(org);
    boolean ownKey = llm && gateway.ownKey(org);
    long estimate = pricing.estimate(Operation.GENERATION, 1);
    if (llm && !ownKey) {
      estimate += pricing.estimate(Operation.GENERATION_LLM, settings.llmTokenBudget());
    }
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
        by,
        llm ? Generations.GENERATOR_LLM : Generations.GENERATOR_TEMPLATE,
        ownKey);
    outbox.enqueue(
        GenerationJobs.REQUESTED,
        project.toString(),
        json.writeValueAsString(new GenerationJobs.Job(id, org, project)));
    return new Started(id, "queued", estimate);
  }
}
