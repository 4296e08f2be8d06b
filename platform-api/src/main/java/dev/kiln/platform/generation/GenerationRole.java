package dev.kiln.platform.generation;

import dev.kiln.platform.runtime.PlaysRole;

/** True when this process plays the {@code generation} role ({@code KILN_ROLES}). */
final class GenerationRole extends PlaysRole {

  GenerationRole() {
    super("generation");
  }
}
