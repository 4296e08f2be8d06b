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
 * and dropped. Memory stays bounded: a line longer than {@link #MAX_LINE} is cut.
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
        emit(stream, line);
      } else {
        line.write(b);
        if (line.size() >= MAX_LINE) {
          emit(stream, line);
        }
      }
    }
  }

  /** Delivers what is left of unterminated lines. */
  public synchronized void finish() {
    partial.forEach(
        (stream, line) -> {
          if (line.size() > 0) {
            emit(stream, line);
          }
        });
  }

  public synchronized boolean truncated() {
    return truncated;
  }

  private void emit(Stream stream, ByteArrayOutputStream line) {
    long size = line.size() + 1L;
    if (!truncated && delivered + size <= limit) {
      delivered += size;
      sink.accept(new OutputLine(stream, line.toString(StandardCharsets.UTF_8)));
    } else {
      truncated = true;
    }
    line.reset();
  }
}
