package dev.kiln.sandbox.docker;

import dev.kiln.sandbox.SandboxSpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Started, idle containers per (image, limits), so a sandbox is handed out without waiting for a
 * container start. Each container is handed out once and never returns: after its job it is
 * removed, and the pool refills in the background.
 */
final class WarmPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WarmPool.class);

  /** What makes two containers interchangeable before a job. */
  record Key(
      String image,
      SandboxSpec.Limits limits,
      SandboxSpec.NetworkPolicy network,
      java.nio.file.Path dependencies) {}

  private final int size;
  private final Function<Key, DockerBackend.Started> starter;
  private final java.util.function.Consumer<DockerBackend.Started> remover;
  private final Map<Key, BlockingQueue<DockerBackend.Started>> idle = new ConcurrentHashMap<>();
  private final Map<Key, AtomicInteger> starting = new ConcurrentHashMap<>();
  private final ExecutorService refill =
      Executors.newFixedThreadPool(2, Thread.ofVirtual().factory());
  private volatile boolean closed;

  WarmPool(
      int size,
      Function<Key, DockerBackend.Started> starter,
      java.util.function.Consumer<DockerBackend.Started> remover) {
    this.size = size;
    this.starter = starter;
    this.remover = remover;
  }

  /** An idle container for the key, if one is ready; always schedules a refill. */
  Optional<DockerBackend.Started> take(Key key) {
    Optional<DockerBackend.Started> ready = Optional.ofNullable(queue(key).poll());
    fill(key);
    return ready;
  }

  /** Starts containers in the background until the key has {@code size} idle ones. */
  void fill(Key key) {
    if (closed || size <= 0) {
      return;
    }
    AtomicInteger inFlight = starting.computeIfAbsent(key, k -> new AtomicInteger());
    while (queue(key).size() + inFlight.get() < size) {
      inFlight.incrementAndGet();
      refill.submit(
          () -> {
            try {
              DockerBackend.Started started = starter.apply(key);
              if (closed) {
                remover.accept(started);
              } else {
                queue(key).add(started);
              }
            } catch (RuntimeException e) {
              log.warn("Could not warm a sandbox for {}: {}", key.image(), e.getMessage());
            } finally {
              inFlight.decrementAndGet();
            }
          });
    }
  }

  int idle(Key key) {
    return queue(key).size();
  }

  private BlockingQueue<DockerBackend.Started> queue(Key key) {
    return idle.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
  }

  @Override
  public void close() {
    closed = true;
    refill.shutdown();
    try {
      refill.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    idle.values().forEach(q -> q.forEach(remover));
    idle.clear();
  }
}
