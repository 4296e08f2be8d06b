package dev.kiln.platform.sandbox;

import dev.kiln.sandbox.DependencyCache;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxFailure;

/**
 * What other features use to run things in sandboxes: the backend chosen at start-up, the sandbox
 * image and the dependency cache. Without a usable backend every accessor throws {@link
 * SandboxFailure} saying so (the start-up table says why).
 */
public final class SandboxAccess implements AutoCloseable {

  private final SandboxBackend backend;
  private final String image;
  private final DependencyCache cache;
  private final DependencyCacheConfiguration.CacheEviction eviction;

  SandboxAccess(
      SandboxBackend backend,
      String image,
      DependencyCache cache,
      DependencyCacheConfiguration.CacheEviction eviction) {
    this.backend = backend;
    this.image = image;
    this.cache = cache;
    this.eviction = eviction;
  }

  /** True when sandboxes can be opened on this host. */
  public boolean available() {
    return backend != null;
  }

  /** The backend; never null. */
  public SandboxBackend backend() {
    require();
    return backend;
  }

  /** The sandbox image name. */
  public String image() {
    return image;
  }

  /** The dependency cache; never null. */
  public DependencyCache dependencies() {
    require();
    return cache;
  }

  private void require() {
    if (backend == null) {
      throw new SandboxFailure("No sandbox backend can run on this host (see the start-up table)");
    }
  }

  @Override
  public void close() {
    if (eviction != null) {
      eviction.close();
    }
  }
}
