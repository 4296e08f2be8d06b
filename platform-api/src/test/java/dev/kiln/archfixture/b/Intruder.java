package dev.kiln.archfixture.b;

import dev.kiln.archfixture.a.internal.Secret;

/** Fixture: package {@code b} reaching into {@code a}'s internals, which the rule must catch. */
public class Intruder {
  public String steal() {
    return Secret.value();
  }
}
