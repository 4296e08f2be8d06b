package dev.kiln.platform.events;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one connection's sender has to do: a bounded lane of live events and a small priority lane
 * of control work (commands, resyncs, error frames). Offers never block, so whoever feeds a slow
 * connection is never slowed by it.
 */
final class SessionQueue<T> {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<T> control = new ArrayDeque<>();
  private final ArrayDeque<T> events = new ArrayDeque<>();
  private final int eventCapacity;
  private final int controlCapacity;
  private boolean closed;

  SessionQueue(int eventCapacity, int controlCapacity) {
    this.eventCapacity = eventCapacity;
    this.controlCapacity = controlCapacity;
  }

  /** False when the event lane is full or the queue closed; never blocks. */
  boolean offerEvent(T item) {
    return offer(events, eventCapacity, item);
  }

  /** False when the control lane is full or the queue closed; never blocks. */
  boolean offerControl(T item) {
    return offer(control, controlCapacity, item);
  }

  private boolean offer(ArrayDeque<T> lane, int capacity, T item) {
    lock.lock();
    try {
      if (closed || lane.size() >= capacity) {
        return false;
      }
      lane.addLast(item);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The next item, control first; waits for one; null once the queue is closed. */
  T take() throws InterruptedException {
    lock.lock();
    try {
      while (!closed && control.isEmpty() && events.isEmpty()) {
        notEmpty.await();
      }
      if (closed) {
        return null;
      }
      return control.isEmpty() ? events.pollFirst() : control.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Drops everything waiting and wakes the taker, which then gets null. */
  void close() {
    lock.lock();
    try {
      closed = true;
      control.clear();
      events.clear();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
