package dev.kiln.platform.preview;

import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.Served;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** One project's running (or starting, failed, stopped) preview. Guarded by its own lock. */
final class Preview {

  enum Status {
    STARTING,
    READY,
    ERROR,
    STOPPED;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final int KEPT_LINES = 200;

  final UUID org;
  final UUID project;
  volatile Status status = Status.STARTING;
  volatile String version;
  volatile String error;
  volatile UUID stream;
  volatile Instant lastUsed;
  volatile Instant startedAt;
  Sandbox sandbox;
  Served served;
  SortedMap<String, String> files = new TreeMap<>();
  Map<String, String> pending;
  java.util.concurrent.CompletableFuture<Void> updates =
      java.util.concurrent.CompletableFuture.completedFuture(null);
  private final Deque<String> output = new ArrayDeque<>();

  Preview(UUID org, UUID project, Instant now) {
    this.org = org;
    this.project = project;
    this.lastUsed = now;
    this.startedAt = now;
  }

  boolean running() {
    return status == Status.STARTING || status == Status.READY;
  }

  /** Where the dev server answers, when it is ready. */
  InetSocketAddress address() {
    Served s = served;
    return s == null || status != Status.READY ? null : s.address();
  }

  void line(String text) {
    synchronized (output) {
      output.addLast(text);
      while (output.size() > KEPT_LINES) {
        output.removeFirst();
      }
    }
  }

  /** The last lines the dev server printed, oldest first. */
  List<String> lastLines(int n) {
    synchronized (output) {
      List<String> all = List.copyOf(output);
      return all.subList(Math.max(0, all.size() - n), all.size());
    }
  }

  Map<String, Object> view(String url, Instant expires) {
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put("projectId", project);
    // A running preview whose latest version fails its first page is in error, though its dev
    // server keeps running to take the next version.
    v.put("status", status == Status.READY && error != null ? "error" : status.id());
    v.put("version", version);
    if (url != null) {
      v.put("url", url);
      v.put("expiresAt", expires);
    }
    if (error != null) {
      v.put("error", error);
    }
    v.put("lastUsed", lastUsed);
    return v;
  }
}
