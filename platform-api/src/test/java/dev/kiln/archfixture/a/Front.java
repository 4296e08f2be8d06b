package dev.kiln.archfixture.a;

import dev.kiln.archfixture.a.internal.Secret;

/** Fixture: package {@code a} may use its own internals. */
public class Front {
  public String value() {
    return Secret.value();
  }
}
