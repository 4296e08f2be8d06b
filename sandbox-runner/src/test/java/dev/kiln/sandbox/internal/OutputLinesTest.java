package dev.kiln.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.sandbox.Sandbox.OutputLine;
import dev.kiln.sandbox.Sandbox.Stream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutputLinesTest {

  @Test
  void longLinesArriveInMarkedPiecesThatJoinBackOnCharacterBoundaries() {
    String long_ = "é€😀x".repeat(5_000); // 2-, 3- and 4-byte characters: 50,000 bytes
    List<OutputLine> out = new ArrayList<>();
    OutputLines lines = new OutputLines(out::add, 1 << 20);
    byte[] bytes = (long_ + "\nshort\n").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += 777) {
      lines.accept(
          Stream.STDOUT, java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 777)));
    }
    lines.finish();

    assertThat(out.size()).isGreaterThan(3);
    assertThat(out.subList(0, out.size() - 2)).allMatch(OutputLine::cut);
    assertThat(out.get(out.size() - 2).cut()).isFalse();
    assertThat(out).allMatch(l -> !l.text().contains("\uFFFD"));
    String joined =
        out.subList(0, out.size() - 1).stream().map(OutputLine::text).collect(Collectors.joining());
    assertThat(joined).isEqualTo(long_);
    assertThat(out.getLast()).isEqualTo(new OutputLine(Stream.STDOUT, "short"));
  }

  @Test
  void pastTheLimitOutputIsDroppedAndMarkedTruncated() {
    List<OutputLine> out = new ArrayList<>();
    OutputLines lines = new OutputLines(out::add, 10);
    lines.accept(Stream.STDERR, "12345\n67890\n".getBytes(StandardCharsets.UTF_8));
    assertThat(out).containsExactly(new OutputLine(Stream.STDERR, "12345"));
    assertThat(lines.truncated()).isTrue();
  }
}
