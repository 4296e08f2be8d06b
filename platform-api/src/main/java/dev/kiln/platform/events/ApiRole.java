package dev.kiln.platform.events;

import dev.kiln.platform.runtime.PlaysRole;

/** True when this process plays the {@code api} role ({@code KILN_ROLES}): it serves WebSockets. */
final class ApiRole extends PlaysRole {

  ApiRole() {
    super("api");
  }
}
