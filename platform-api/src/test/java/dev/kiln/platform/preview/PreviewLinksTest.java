package dev.kiln.platform.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PreviewLinksTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  final PreviewLinks links = new PreviewLinks(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
  final UUID project = UUID.fromString("0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

  @Test
  void aLabelIsOneDnsLabelThatReadsBackToItsProjectAndExpiry() {
    String label = links.label(project, NOW.plusSeconds(3600));
    assertThat(label).matches("[a-z2-7]{52}").hasSizeLessThanOrEqualTo(63);
    var link = links.read(label).orElseThrow();
    assertThat(link.project()).isEqualTo(project);
    assertThat(link.expires()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(links.expired(link)).isFalse();
    assertThat(links.read(label.toUpperCase())).as("hosts are case-insensitive").isPresent();
  }

  @Test
  void anExpiredLinkIsKnownAsExpired() {
    var link = links.read(links.label(project, NOW.minusSeconds(1))).orElseThrow();
    assertThat(links.expired(link)).isTrue();
    assertThat(links.expired(links.read(links.label(project, NOW)).orElseThrow())).isTrue();
  }

  @Test
  void tamperedForeignOrMalformedLabelsAreRefused() {
    String label = links.label(project, NOW.plusSeconds(60));
    char[] chars = label.toCharArray();
    chars[5] = chars[5] == 'a' ? 'b' : 'a';
    assertThat(links.read(new String(chars))).isEmpty();
    PreviewLinks other =
        new PreviewLinks(
            Base64.getEncoder()
                .encodeToString(
                    new byte[] {
                      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                      23, 24, 25, 26, 27, 28, 29, 30, 31, 32
                    }),
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(other.read(label)).as("signed with another key").isEmpty();
    assertThat(links.read("")).isEmpty();
    assertThat(links.read(label.substring(1))).isEmpty();
    assertThat(links.read(label.substring(0, 51) + "1")).isEmpty();
    assertThat(links.read("www")).isEmpty();
  }
}
