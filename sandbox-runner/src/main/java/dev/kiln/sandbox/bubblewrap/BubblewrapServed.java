package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.Served;
import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * A command served from a bubblewrap sandbox: its bwrap process, in a pid namespace of its own, and
 * the {@link ServeRelay} the host connects through. Killing bwrap ends the namespace, so {@link
 * #stop()} ends everything the command started.
 */
final class BubblewrapServed implements Served {

  private static final long READY_POLL_MILLIS = 20;
  private static final long STOP_WAIT_SECONDS = 10;

  private final Process process;
  private final ServeRelay relay;

  /** Takes over a started bwrap and its relay; the relay closes when the process ends. */
  BubblewrapServed(Process process, ServeRelay relay) {
    this.process = process;
    this.relay = relay;
    process.onExit().thenRun(relay::close);
    Thread.ofVirtual().name("kiln-serve-lock").start(this::lockWhenListening);
  }

  @Override
  public InetSocketAddress address() {
    return relay.address();
  }

  @Override
  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  @Override
  public void stop() {
    ProcessTrees.kill(process, STOP_WAIT_SECONDS);
    relay.close();
  }

  boolean leftOnHost() {
    return process.isAlive() || relay.leftOnHost();
  }

  /** Takes the relay's directory from the sandbox as soon as its socket is there. */
  private void lockWhenListening() {
    while (process.isAlive() && !relay.ready() && !relay.refused()) {
      try {
        Thread.sleep(READY_POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
