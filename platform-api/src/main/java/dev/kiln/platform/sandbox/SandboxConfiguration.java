package dev.kiln.platform.sandbox;

import dev.kiln.platform.runtime.RuntimeSettings;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxSettings;
import dev.kiln.sandbox.docker.DockerBackend;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the sandbox backend: with {@code auto}, Docker when its daemon answers. The bubblewrap
 * backend is not built yet, so without Docker no sandbox can run and the choice says so.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

  @Bean
  SandboxChoice sandboxChoice(SandboxSettings settings, RuntimeSettings runtime) {
    Path workspaces =
        settings.workspaces() != null ? settings.workspaces() : runtime.home().resolve("sandboxes");
    String wanted = settings.backend();
    if (wanted.equals("auto") || wanted.equals("docker")) {
      DockerBackend docker =
          DockerBackend.connect(settings.dockerHost(), workspaces.toAbsolutePath());
      if (docker.available()) {
        return new SandboxChoice(
            docker, "docker (" + settings.dockerHost() + ", image " + settings.image() + ")");
      }
      docker.close();
      return SandboxChoice.none(
          wanted.equals("docker")
              ? "none: the Docker daemon at " + settings.dockerHost() + " does not answer"
              : "none: no Docker daemon answers and the bubblewrap backend is not built yet");
    }
    return SandboxChoice.none("none: backend '" + wanted + "' is not built yet");
  }

  @Bean
  SandboxHealthIndicator sandboxHealthIndicator(SandboxChoice choice) {
    return new SandboxHealthIndicator(choice);
  }

  /** The backend in use (null when none can run) and how the choice reads at start-up. */
  record SandboxChoice(SandboxBackend backend, String description) implements AutoCloseable {
    static SandboxChoice none(String why) {
      return new SandboxChoice(null, why);
    }

    @Override
    public void close() {
      if (backend != null) {
        backend.close();
      }
    }
  }
}
