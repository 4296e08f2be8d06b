package dev.kiln.platform.preview;

import dev.kiln.platform.events.GenerationEvents;
import dev.kiln.platform.projects.ProjectRepos;
import dev.kiln.platform.projects.Projects;
import dev.kiln.platform.sandbox.SandboxAccess;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Previews and their proxy, unless {@code kiln.preview.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kiln.preview.enabled", havingValue = "true", matchIfMissing = true)
class PreviewConfiguration {

  @Bean
  PreviewLinks previewLinks(PreviewSettings settings, Clock clock) {
    return new PreviewLinks(settings.signingKey(), clock);
  }

  @Bean
  Previews previews(
      PreviewSettings settings,
      SandboxAccess sandboxes,
      Projects projects,
      ProjectRepos repos,
      GenerationEvents events,
      PreviewLinks links,
      Clock clock) {
    return new Previews(settings, sandboxes, projects, repos, events, links, clock);
  }

  @Bean
  PreviewProxy previewProxy(PreviewSettings settings, Previews previews, PreviewLinks links)
      throws IOException {
    return new PreviewProxy(settings, previews, links);
  }
}
