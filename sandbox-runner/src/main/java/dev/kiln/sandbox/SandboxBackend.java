package dev.kiln.sandbox;

/** A way to run sandboxes: Docker, or bubblewrap on hosts without Docker. */
public interface SandboxBackend extends AutoCloseable {

  /** {@code docker} or {@code bubblewrap}. */
  String name();

  /** True when this backend can open sandboxes on this host now. */
  boolean available();

  /** Opens a fresh sandbox; throws {@link SandboxFailure} when it cannot. */
  Sandbox open(SandboxSpec spec);

  @Override
  default void close() {}
}
