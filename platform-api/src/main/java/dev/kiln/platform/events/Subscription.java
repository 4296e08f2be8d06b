package dev.kiln.platform.events;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stream a connection follows, in one org. Live events are offered on the Kafka consumer's
 * thread (never blocking); everything else runs on the connection's sender thread, which alone
 * reads and writes the delivery state, so replayed and live events are sent in order, each once.
 */
abstract sealed class Subscription permits GenerationSubscription, ProjectSubscription {

  /** Where a subscription's frames go: the connection's sender. */
  interface Sink {
    /** Sends a replayed or filled-in event. */
    void send(Event event) throws IOException;

    /** Sends a live event as published. */
    void send(LiveEvent event) throws IOException;

    /** Queues a live event for the sender; false when its lane is full. */
    boolean offer(Subscription subscription, LiveEvent event);

    /** Called once when the subscription overflowed: the sender will send its resync. */
    void overflowed(Subscription subscription);
  }

  final UUID orgId;
  final Sink sink;
  final GenerationEvents events;
  final int page;
  private final AtomicBoolean dropped = new AtomicBoolean();

  Subscription(UUID orgId, Sink sink, GenerationEvents events, int page) {
    this.orgId = orgId;
    this.sink = sink;
    this.events = events;
    this.page = page;
  }

  /** The generation or project followed. */
  abstract UUID streamId();

  abstract boolean followsProject();

  /** Sends what is stored after the subscription's starting point (sender thread). */
  abstract void replay() throws IOException;

  /** Sends a live event unless already sent, filling any gap before it (sender thread). */
  abstract void onLive(LiveEvent event) throws IOException;

  /** The frame confirming the subscription. */
  abstract Object subscribed();

  /** The frame telling the client where to resume (sender thread). */
  abstract Object resync();

  /** Called on the Kafka consumer thread for every event of this stream; never blocks. */
  final void offer(LiveEvent event) {
    if (!dropped.get() && orgId.equals(event.orgId()) && !sink.offer(this, event)) {
      if (drop()) {
        sink.overflowed(this);
      }
    }
  }

  /** Stops delivery; true for the caller that stopped it. */
  final boolean drop() {
    return dropped.compareAndSet(false, true);
  }

  final boolean dropped() {
    return dropped.get();
  }
}
