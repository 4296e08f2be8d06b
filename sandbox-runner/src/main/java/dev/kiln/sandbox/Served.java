package dev.kiln.sandbox;

import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * A command a {@link Sandbox} runs in the background while the host connects to a TCP port it
 * listens on: a dev server behind a live preview. Only the host reaches that port, never another
 * sandbox. Thread-safe.
 */
public interface Served {

  /**
   * Where the host connects to reach the served port; never null, fixed for the command's life. It
   * answers once the command listens (retry until then: connections before that are refused or
   * closed at once) and stops answering once the command has ended.
   */
  InetSocketAddress address();

  /**
   * True until the command has ended: by itself, by {@link #stop()}, at the sandbox's wall time or
   * because the sandbox was closed.
   */
  boolean alive();

  /** The command's exit code once it has ended (137 when it was killed); empty while alive. */
  OptionalInt exitCode();

  /**
   * Kills the command and every process it started, and waits (bounded) until they are gone. The
   * sandbox stays open. Idempotent; never throws, not even when the sandbox is already closed.
   */
  void stop();
}
