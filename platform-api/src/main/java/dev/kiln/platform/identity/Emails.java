package dev.kiln.platform.identity;

import java.util.Locale;

/** How Kiln compares email addresses: trimmed and lower-cased. */
public final class Emails {

  private Emails() {}

  /** The normalized form of {@code email}; null stays null. */
  public static String normalize(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
