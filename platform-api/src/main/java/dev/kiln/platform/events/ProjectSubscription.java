package dev.kiln.platform.events;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follows every generation of a project: replays stored events appended since {@code since} (none
 * without it), then live events, each generation's in seq order and once. A gap in a generation
 * already seen is filled from PostgreSQL like a generation subscription does; a generation first
 * seen live starts at that event.
 */
final class ProjectSubscription extends Subscription {

  private final UUID projectId;
  private final Instant since;
  private final Map<UUID, Long> lastSeqs = new HashMap<>();
  private Instant resumeAt;

  ProjectSubscription(
      UUID orgId,
      UUID projectId,
      Instant since,
      Instant now,
      Sink sink,
      GenerationEvents events,
      int page) {
    super(orgId, sink, events, page);
    this.projectId = projectId;
    this.since = since;
    this.resumeAt = since == null ? now : since;
  }

  @Override
  UUID streamId() {
    return projectId;
  }

  @Override
  boolean followsProject() {
    return true;
  }

  @Override
  void replay() throws IOException {
    if (since == null) {
      return;
    }
    GenerationEvents.ProjectCursor cursor = GenerationEvents.ProjectCursor.since(since);
    while (!dropped()) {
      List<Event> stored = events.afterForProject(orgId, projectId, cursor, page);
      for (Event event : stored) {
        if (dropped()) {
          return;
        }
        if (isNew(event)) {
          sink.send(event);
          sent(event);
        }
        cursor = GenerationEvents.ProjectCursor.after(event);
      }
      if (stored.size() < page) {
        return;
      }
    }
  }

  @Override
  void onLive(LiveEvent live) throws IOException {
    Event event = live.event();
    if (!isNew(event)) {
      return;
    }
    Long last = lastSeqs.get(event.generationId());
    if (last != null && event.seq() > last + 1) {
      fill(event.generationId(), last, event.seq() - 1);
    }
    if (!dropped()) {
      sink.send(live);
      sent(event);
    }
  }

  private void fill(UUID generationId, long after, long upTo) throws IOException {
    long last = after;
    while (last < upTo && !dropped()) {
      int limit = (int) Math.min(page, upTo - last);
      List<Event> stored = events.after(orgId, generationId, last, limit);
      for (Event event : stored) {
        sink.send(event);
        sent(event);
        last = event.seq();
      }
      if (stored.size() < limit) {
        return;
      }
    }
  }

  private boolean isNew(Event event) {
    Long last = lastSeqs.get(event.generationId());
    return last == null || event.seq() > last;
  }

  private void sent(Event event) {
    lastSeqs.merge(event.generationId(), event.seq(), Math::max);
    if (event.at().isAfter(resumeAt)) {
      resumeAt = event.at();
    }
  }

  @Override
  Object subscribed() {
    return Frames.subscribedToProject(projectId, since);
  }

  @Override
  Object resync() {
    return Frames.resyncProject(projectId, resumeAt);
  }
}
