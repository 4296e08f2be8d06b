package dev.kiln.platform.sandbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the chosen backend can open sandboxes now; shows which backend that is. */
final class SandboxHealthIndicator extends AbstractHealthIndicator {

  private final SandboxConfiguration.SandboxChoice choice;

  SandboxHealthIndicator(SandboxConfiguration.SandboxChoice choice) {
    super("Sandbox health check failed");
    this.choice = choice;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (choice.backend() == null) {
      builder.unknown().withDetail("backend", choice.description());
      return;
    }
    builder
        .status(choice.backend().available() ? "UP" : "DOWN")
        .withDetail("backend", choice.backend().name());
  }
}
