package dev.kiln.platform.preview;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring preview links. The whole link is one DNS label, so each link is an origin of its
 * own and no cookie is needed: {@code base32(project id, expiry, HMAC-SHA256 of both, cut to 12
 * bytes)}, 52 lower-case characters. Thread-safe.
 */
final class PreviewLinks {

  /** What a label says. */
  record Link(UUID project, Instant expires) {}

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int MAC_BYTES = 12;
  private static final int BYTES = 16 + 4 + MAC_BYTES;

  private final SecretKeySpec key;
  private final Clock clock;

  PreviewLinks(String base64Key, Clock clock) {
    byte[] bytes;
    if (base64Key == null || base64Key.isBlank()) {
      bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
    } else {
      bytes = Base64.getDecoder().decode(base64Key.strip());
      if (bytes.length < 32) {
        throw new IllegalArgumentException("kiln.preview.signing-key must be 32 bytes or more");
      }
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
    this.clock = clock;
  }

  /** A label for {@code project} that works until {@code expires} (whole seconds). */
  String label(UUID project, Instant expires) {
    ByteBuffer body = ByteBuffer.allocate(BYTES);
    body.putLong(project.getMostSignificantBits());
    body.putLong(project.getLeastSignificantBits());
    body.putInt((int) expires.getEpochSecond());
    body.put(mac(body.array(), 20));
    return base32(body.array());
  }

  /** The link a label stands for, when it is well-formed, signed by this key and not expired. */
  Optional<Link> read(String label) {
    byte[] bytes = decode(label);
    if (bytes == null) {
      return Optional.empty();
    }
    byte[] expected = mac(bytes, 20);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, 20, BYTES))) {
      return Optional.empty();
    }
    ByteBuffer body = ByteBuffer.wrap(bytes);
    UUID project = new UUID(body.getLong(), body.getLong());
    Instant expires = Instant.ofEpochSecond(Integer.toUnsignedLong(body.getInt()));
    return Optional.of(new Link(project, expires));
  }

  boolean expired(Link link) {
    return !clock.instant().isBefore(link.expires());
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(data, 0, length);
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** The bytes of a label, or null when it is not exactly one link's base32. */
  private static byte[] decode(String label) {
    String text = label.toLowerCase(Locale.ROOT);
    if (text.length() != (BYTES * 8 + 4) / 5) {
      return null;
    }
    byte[] out = new byte[BYTES];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      int v = ALPHABET.indexOf(text.charAt(i));
      if (v < 0) {
        return null;
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        if (n < BYTES) {
          out[n++] = (byte) (buffer >> (bits - 8));
        }
        bits -= 8;
      }
    }
    return n == BYTES ? out : null;
  }
}
