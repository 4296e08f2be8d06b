package dev.kiln.platform.generation;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.pricing.Operation;
import dev.kiln.billing.pricing.Pricing;
import dev.kiln.platform.events.GenerationEvents;
import dev.kiln.platform.generation.llm.Usage;
import dev.kiln.platform.tenancy.TenantContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs generations from {@code kiln.generation.requested}. Delivery is at-least-once: a job is
 * claimed in PostgreSQL with a lease first, so a duplicate, or a redelivery while the first run is
 * alive, does nothing; a run whose worker died is taken over when its lease ends. The hold is
 * captured only for a verified version; any failure releases it. A record that cannot be read, or a
 * run that throws, fails its generation (hold released) and goes to the dead-letter topic.
 */
class GenerationWorker {

  private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

  private final Pipeline pipeline;
  private final Generations generations;
  private final GenerationEvents events;
  private final CreditLedger ledger;
  private final Pricing pricing;
  private final GenerationSettings settings;
  private final Clock clock;
  private final JsonMapper json;

  GenerationWorker(
      Pipeline pipeline,
      Generations generations,
      GenerationEvents events,
      CreditLedger ledger,
      Pricing pricing,
      GenerationSettings settings,
      Clock clock,
      JsonMapper json) {
    this.pipeline = pipeline;
    this.generations = generations;
    this.events = events;
    this.ledger = ledger;
    this.pricing = pricing;
    this.settings = settings;
    this.clock = clock;
    this.json = json;
  }

  @KafkaListener(topics = GenerationJobs.REQUESTED, groupId = "kiln-generation")
  public void onJob(ConsumerRecord<String, String> record) {
    GenerationJobs.Job job = json.readValue(record.value(), GenerationJobs.Job.class);
    if (job.generationId() == null || job.orgId() == null || job.projectId() == null) {
      throw new IllegalArgumentException("a generation job needs generationId, orgId, projectId");
    }
    TenantContext.callAs(
        job.orgId(),
        () -> {
          execute(job);
          return null;
        });
  }

  private void execute(GenerationJobs.Job job) {
    UUID org = job.orgId();
    UUID id = job.generationId();
    if (!generations.claim(org, id, clock.instant().plus(settings.lease()))) {
      log.info("Generation {} is finished or running elsewhere: nothing to do", id);
      return;
    }
    Generations.Generation generation =
        generations.find(org, id).orElseThrow(GenerationProblems.GenerationNotFound::new);
    RunEvents run = new RunEvents(org, job.projectId(), id, generation);
    run.emit(
        "generation_started",
        null,
        Map.of("kind", generation.kind(), "generator", generation.generator()));
    try {
      Pipeline.Result result = pipeline.run(run);
      if (result.verified()) {
        Generations.Generation done = generations.find(org, id).orElse(generation);
        long charged = charge(done);
        ledger.capture(org, generation.holdId(), charged);
        if (generations.finish(org, id, "succeeded", result.version(), null, charged)) {
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("credits", charged);
          data.put("held", generation.estimate());
          if (done.llm()) {
            data.put("promptTokens", done.promptTokens());
            data.put("completionTokens", done.completionTokens());
            data.put("ownKey", done.ownKey());
          }
          run.emit("credits_charged", null, data);
          run.emit("generation_completed", null, Map.of("version", result.version()));
        }
      } else {
        fail(run, generation, result.version(), "build", result.failure());
      }
    } catch (Pipeline.Cancelled cancelled) {
      log.info("Generation {} was cancelled", id);
    } catch (Pipeline.StageFailed e) {
      fail(run, generation, null, e.stage, e.getMessage());
    } catch (RuntimeException e) {
      fail(run, generation, null, null, "Kiln failed while generating (" + e + "); not charged");
      throw e;
    }
  }

  /**
   * What a verified generation costs: its price, plus, for a model the platform paid for, its
   * tokens at the per-thousand price (rounded up); never more than the hold.
   */
  private long charge(Generations.Generation g) {
    long price = pricing.estimate(Operation.GENERATION, 1);
    if (g.llm() && !g.ownKey()) {
      long tokens = g.promptTokens() + g.completionTokens();
      long thousands = (tokens + 999) / 1000;
      if (thousands > 0) {
        price += pricing.estimate(Operation.GENERATION_LLM, thousands);
      }
    }
    return Math.min(price, g.estimate());
  }

  private void fail(
      RunEvents run, Generations.Generation g, String version, String stage, String reason) {
    release(run.org(), g, reason);
    if (generations.finish(run.org(), g.id(), "failed", version, reason, 0L)) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("reason", reason);
      if (stage != null) {
        data.put("failedStage", stage);
      }
      if (version != null) {
        data.put("version", version);
      }
      run.emit("generation_failed", stage, data);
    }
  }

  private void release(UUID org, Generations.Generation g, String reason) {
    try {
      ledger.release(org, g.holdId(), "generation failed: " + abbreviate(reason));
    } catch (RuntimeException e) {
      log.warn("Could not release the hold of generation {}: {}", g.id(), e.toString());
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  /** The pipeline's view of this run: its ids, its events, its stage, whether it was cancelled. */
  private final class RunEvents implements Pipeline.Run {
    private final UUID org;
    private final UUID project;
    private final UUID generation;
    private final String prompt;
    private final String generator;

    RunEvents(UUID org, UUID project, UUID generation, Generations.Generation row) {
      this.org = org;
      this.project = project;
      this.generation = generation;
      this.prompt = row.prompt();
      this.generator = row.generator();
    }

    @Override
    public String generator() {
      return generator;
    }

    @Override
    public void used(Usage usage) {
      if (usage.total() > 0) {
        generations.addUsage(org, generation, usage.promptTokens(), usage.completionTokens());
      }
    }

    @Override
    public UUID org() {
      return org;
    }

    @Override
    public UUID project() {
      return project;
    }

    @Override
    public UUID generation() {
      return generation;
    }

    @Override
    public String prompt() {
      return prompt;
    }

    @Override
    public void emit(String type, String stage, Map<String, Object> data) {
      events.append(org, project, generation, type, stage, data);
    }

    @Override
    public void stage(String stage) {
      generations.stage(org, generation, stage);
    }

    @Override
    public boolean cancelled() {
      return generations.cancelled(org, generation);
    }
  }
}
