package dev.kiln.plugin.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a process to its end, keeping at most {@code capBytes} and noting
 * whether more came, so a chatty command can neither block on a full pipe nor fill the memory.
 */
final class BoundedOutput implements Runnable {

  private static final int CHUNK = 8192;

  private final InputStream in;
  private final int capBytes;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private boolean truncated;

  BoundedOutput(InputStream in, int capBytes) {
    this.in = in;
    this.capBytes = capBytes;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[CHUNK];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        keep(buffer, n);
      }
    } catch (IOException closed) {
      // the process was killed and its pipe closed: keep what arrived
    }
  }

  private synchronized void keep(byte[] buffer, int n) {
    int room = capBytes - kept.size();
    kept.write(buffer, 0, Math.min(room, n));
    truncated |= n > room;
  }

  synchronized String text() {
    return kept.toString(StandardCharsets.UTF_8);
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
