package dev.kiln.platform.sandbox;

import dev.kiln.platform.runtime.StartupFact;
import org.springframework.stereotype.Component;

/** The sandbox backend row of the start-up table. */
@Component
class SandboxStartupFact implements StartupFact {

  private final SandboxConfiguration.SandboxChoice choice;

  SandboxStartupFact(SandboxConfiguration.SandboxChoice choice) {
    this.choice = choice;
  }

  @Override
  public String label() {
    return "sandbox backend";
  }

  @Override
  public String choice() {
    return choice.description();
  }

  @Override
  public int order() {
    return 10;
  }
}
