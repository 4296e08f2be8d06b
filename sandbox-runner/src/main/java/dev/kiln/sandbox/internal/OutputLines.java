package dev.kiln.sandbox.internal;

import dev.kiln.sandbox.Sandbox.OutputLine;
import dev.kiln.sandbox.Sandbox.Stream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns output chunks into lines and delivers them until the byte limit; past it, output is counted
 * and dropped. Memory stays bounded: a line longer than {@link #MAX_LINE} is delivered in pieces
 * marked {@code cut} (each ends on a character boundary), so a reader can join them again.
 */
public final class OutputLines {

  static final int MAX_LINE = 16 * 1024;

  private final Consumer<OutputLine> sink;
  private final long limit;
  private final Map<Stream, ByteArrayOutputStream> partial = new EnumMap<>(Stream.class);
  private long delivered;
  private boolean truncated;

  public OutputLines(Consumer<OutputLine> sink, long limit) {
    this.sink = sink;
    this.limit = limit;
  }

  public synchronized void accept(Stream stream, byte[] bytes) {
    ByteArrayOutputStream line = partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
    for (byte b : bytes) {
      if (b == '\n') {
        emit(stream, line, false);
      } else {
        line.write(b);
        if (line.size() >= MAX_LINE) {
          emit(stream, line, true);
        }
      }
    }
  }

  /** Delivers what is left of unterminated lines. */
  public synchronized void finish() {
    partial.forEach(
        (stream, line) -> {
          if (line.size() > 0) {
            emit(stream, line, false);
          }
        });
  }

  public synchronized boolean truncated() {
    return truncated;
  }

  private void emit(Stream stream, ByteArrayOutputStream line, boolean cut) {
    byte[] bytes = line.toByteArray();
    int end = cut ? characterBoundary(bytes) : bytes.length;
    long size = end + 1L;
    if (!truncated && delivered + size <= limit) {
      delivered += size;
      sink.accept(new OutputLine(stream, new String(bytes, 0, end, StandardCharsets.UTF_8), cut));
    } else {
      truncated = true;
    }
    line.reset();
    line.write(bytes, end, bytes.length - end);
  }

  /** Where the last complete UTF-8 character ends: an unfinished one waits for the next piece. */
  static int characterBoundary(byte[] bytes) {
    int start = bytes.length - 1;
    while (start > 0 && start > bytes.length - 4 && (bytes[start] & 0xC0) == 0x80) {
      start--;
    }
    int lead = bytes[start] & 0xFF;
    int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return start + length <= bytes.length ? bytes.length : start;
  }
}
