package dev.kiln.archfixture.a.internal;

/** Fixture: an internal type of package {@code a}. */
public class Secret {
  public static String value() {
    return "secret";
  }
}
