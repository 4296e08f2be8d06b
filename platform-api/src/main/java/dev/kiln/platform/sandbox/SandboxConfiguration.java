package dev.kiln.platform.sandbox;

import dev.kiln.platform.runtime.RuntimeSettings;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxSettings;
import dev.kiln.sandbox.bubblewrap.BubblewrapBackend;
import dev.kiln.sandbox.docker.DockerBackend;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the sandbox backend: with {@code auto}, Docker when its daemon answers, else bubblewrap
 * when this host can run it; otherwise none, and the start-up table and health say why.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

  @Bean
  SandboxChoice sandboxChoice(SandboxSettings settings, RuntimeSettings runtime) {
    Path workspaces =
        (settings.workspaces() != null
                ? settings.workspaces()
                : runtime.home().resolve("sandboxes"))
            .toAbsolutePath();
    String wanted = settings.backend();
    if (wanted.equals("auto") || wanted.equals("docker")) {
      DockerBackend docker =
          DockerBackend.connect(
              settings.dockerHost(),
              workspaces,
              new DockerBackend.Options(
                  settings.warmPool(), settings.image(), settings.egressAllowlist()));
      if (docker.available()) {
        return new SandboxChoice(
            docker, "docker (" + settings.dockerHost() + ", image " + settings.image() + ")");
      }
      docker.close();
      if (wanted.equals("docker")) {
        return SandboxChoice.none(
            "none: the Docker daemon at " + settings.dockerHost() + " does not answer");
      }
    }
    if (wanted.equals("auto") || wanted.equals("bubblewrap")) {
      BubblewrapBackend bwrap = new BubblewrapBackend(workspaces, settings.egressAllowlist());
      if (bwrap.available()) {
        return new SandboxChoice(
            bwrap, wanted.equals("auto") ? "bubblewrap (no Docker daemon answers)" : "bubblewrap");
      }
      return SandboxChoice.none(
          "none: no Docker daemon answers and bubblewrap needs root, bwrap, setpriv and cgroups");
    }
    return SandboxChoice.none(
        "none: unknown backend '" + wanted + "' (auto, docker or bubblewrap)");
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
