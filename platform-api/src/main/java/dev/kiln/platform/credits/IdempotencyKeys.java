package dev.kiln.platform.credits;

import java.util.UUID;
import java.util.regex.Pattern;

/** Idempotency keys from an optional {@code Idempotency-Key} header, namespaced per purpose. */
final class IdempotencyKeys {

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

  private IdempotencyKeys() {}

  /** {@code prefix:header} when the header is a sane key, else {@code prefix:<random>}. */
  static String of(String prefix, String header) {
    return prefix
        + ":"
        + (header != null && SANE.matcher(header).matches()
            ? header
            : UUID.randomUUID().toString());
  }
}
