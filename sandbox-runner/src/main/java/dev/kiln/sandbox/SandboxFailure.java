package dev.kiln.sandbox;

/**
 * The sandbox infrastructure failed (not the job's code): the operation should be retried or
 * refunded, never charged.
 */
public class SandboxFailure extends RuntimeException {

  public SandboxFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public SandboxFailure(String message) {
    super(message);
  }
}
