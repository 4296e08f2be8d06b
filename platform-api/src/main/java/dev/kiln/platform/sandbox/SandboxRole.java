package dev.kiln.platform.sandbox;

import dev.kiln.platform.runtime.PlaysRole;

/** True when this process plays the {@code sandbox} role ({@code KILN_ROLES}). */
final class SandboxRole extends PlaysRole {

  SandboxRole() {
    super("sandbox");
  }
}
