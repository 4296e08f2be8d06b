package dev.kiln.platform.generation;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.pricing.Pricing;
import dev.kiln.platform.events.GenerationEvents;
import dev.kiln.platform.generation.llm.LlmGateway;
import dev.kiln.platform.generation.template.TemplateEngine;
import dev.kiln.platform.plugins.PluginRunner;
import dev.kiln.platform.preview.Previews;
import dev.kiln.platform.projects.ProjectRepos;
import dev.kiln.platform.projects.Projects;
import dev.kiln.platform.projects.Verifications;
import dev.kiln.platform.runtime.ScratchDatabases;
import dev.kiln.platform.sandbox.SandboxAccess;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The generation worker, in processes playing the {@code generation} role, and its topics. */
@Configuration(proxyBeanMethods = false)
class GenerationConfiguration {

  @Bean
  TemplateEngine templateEngine() {
    return new TemplateEngine();
  }

  @Bean
  @Conditional(GenerationRole.class)
  GenerationWorker generationWorker(
      TemplateEngine engine,
      Projects projects,
      ProjectRepos repos,
      Verifications verifications,
      ScratchDatabases scratch,
      PluginRunner plugins,
      SandboxAccess sandboxes,
      Generations generations,
      GenerationEvents events,
      CreditLedger ledger,
      Pricing pricing,
      LlmGateway gateway,
      GenerationSettings settings,
      ObjectProvider<Previews> previews,
      Clock clock,
      JsonMapper json) {
    BuildStage build =
        settings.build()
            ? new BuildStage(sandboxes, settings.buildTimeout(), settings.buildCpus())
            : null;
    List<Generator> generators =
        List.of(new TemplateGenerator(engine), new LlmGenerator(gateway, engine));
    Pipeline pipeline =
        new Pipeline(
            engine,
            generators,
            settings.autofixAttempts(),
            projects,
            repos,
            verifications,
            scratch,
            plugins,
            build,
            previews.getIfAvailable(),
            json);
    return new GenerationWorker(
        pipeline, generations, events, ledger, pricing, settings, clock, json);
  }

  @Bean
  NewTopic generationRequested() {
    return TopicBuilder.name(GenerationJobs.REQUESTED).partitions(3).build();
  }

  @Bean
  NewTopic generationDeadLetters() {
    return TopicBuilder.name(GenerationJobs.DEAD_LETTERS).partitions(1).build();
  }
}
