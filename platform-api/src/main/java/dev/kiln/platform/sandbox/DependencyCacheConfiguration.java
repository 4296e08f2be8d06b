package dev.kiln.platform.sandbox;

import dev.kiln.platform.runtime.RuntimeSettings;
import dev.kiln.sandbox.DependencyCache;
import dev.kiln.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dependency cache (installed {@code node_modules} by lockfile hash) on this host, when a
 * sandbox backend can run, and its eviction: every {@code kiln.sandbox.cache-evict-every} the cache
 * is brought back under {@code cache-max-size}, least recently used first, never touching an entry
 * used within {@code cache-min-idle}.
 */
@Configuration(proxyBeanMethods = false)
class DependencyCacheConfiguration {

  @Bean
  SandboxAccess sandboxAccess(
      SandboxConfiguration.SandboxChoice choice,
      SandboxSettings settings,
      RuntimeSettings runtime) {
    if (choice.backend() == null) {
      return new SandboxAccess(null, settings.image(), null, null);
    }
    Path root =
        (settings.cache() != null ? settings.cache() : runtime.home().resolve("cache/deps"))
            .toAbsolutePath();
    DependencyCache cache = new DependencyCache(root, choice.backend(), settings.image());
    return new SandboxAccess(
        choice.backend(), settings.image(), cache, CacheEviction.start(cache, settings));
  }

  /** The periodic eviction, on one daemon thread. */
  static final class CacheEviction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CacheEviction.class);

    private final ScheduledExecutorService timer;

    private CacheEviction(ScheduledExecutorService timer) {
      this.timer = timer;
    }

    static CacheEviction start(DependencyCache cache, SandboxSettings settings) {
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("kiln-cache-eviction").factory());
      long every = settings.cacheEvictEvery().toMillis();
      timer.scheduleWithFixedDelay(
          () -> {
            try {
              List<String> evicted =
                  cache.evict(settings.cacheMaxSize().toBytes(), settings.cacheMinIdle());
              if (!evicted.isEmpty()) {
                log.info("Evicted {} dependency cache entries: {}", evicted.size(), evicted);
              }
            } catch (RuntimeException e) {
              log.warn("Dependency cache eviction failed; retrying next round", e);
            }
          },
          every,
          every,
          TimeUnit.MILLISECONDS);
      return new CacheEviction(timer);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
