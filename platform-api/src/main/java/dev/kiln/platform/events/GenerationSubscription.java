package dev.kiln.platform.events;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one generation from {@code afterSeq}: replays what is stored, then sends live events in
 * seq order exactly once. Seqs have no gaps, so a live event ahead of the last one sent means the
 * ones between are committed but not yet here (a retried publication, another relay): they are read
 * from PostgreSQL first.
 */
final class GenerationSubscription extends Subscription {

  private static final Logger log = LoggerFactory.getLogger(GenerationSubscription.class);

  private final UUID generationId;
  private final long afterSeq;
  private long lastSeq;

  GenerationSubscription(
      UUID orgId, UUID generationId, long afterSeq, Sink sink, GenerationEvents events, int page) {
    super(orgId, sink, events, page);
    this.generationId = generationId;
    this.afterSeq = afterSeq;
    this.lastSeq = afterSeq;
  }

  @Override
  UUID streamId() {
    return generationId;
  }

  @Override
  boolean followsProject() {
    return false;
  }

  @Override
  void replay() throws IOException {
    fill(Long.MAX_VALUE);
  }

  @Override
  void onLive(LiveEvent live) throws IOException {
    long seq = live.event().seq();
    if (seq <= lastSeq) {
      return;
    }
    if (seq > lastSeq + 1) {
      fill(seq - 1);
      if (lastSeq != seq - 1) {
        log.warn("Events {}..{} of {} are missing", lastSeq + 1, seq - 1, generationId);
      }
    }
    if (!dropped()) {
      sink.send(live);
      lastSeq = seq;
    }
  }

  /** Sends stored events after {@code lastSeq} up to {@code upTo}, page by page. */
  private void fill(long upTo) throws IOException {
    while (lastSeq < upTo && !dropped()) {
      int limit = (int) Math.min(page, upTo - lastSeq);
      List<Event> stored = events.after(orgId, generationId, lastSeq, limit);
      for (Event event : stored) {
        if (dropped()) {
          return;
        }
        sink.send(event);
        lastSeq = event.seq();
      }
      if (stored.size() < limit) {
        return;
      }
    }
  }

  @Override
  Object subscribed() {
    return Frames.subscribedToGeneration(generationId, afterSeq);
  }

  @Override
  Object resync() {
    return Frames.resyncGeneration(generationId, lastSeq);
  }
}
