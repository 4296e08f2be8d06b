package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.Cancellation;
import java.util.concurrent.atomic.AtomicBoolean;

/** The harness's cancellation: set once when the run's timeout passes. */
final class RunCancellation implements Cancellation {

  private final AtomicBoolean cancelled = new AtomicBoolean();

  void cancel() {
    cancelled.set(true);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }
}
