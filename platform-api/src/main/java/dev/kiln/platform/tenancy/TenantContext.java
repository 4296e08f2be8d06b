package dev.kiln.platform.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant scope of the current request thread: who is calling and in which org, with what role.
 * Every transaction begun on this thread carries it to PostgreSQL for row level security.
 */
public final class TenantContext {

  /** A scope; any part may be null (no user, or no org yet). */
  public record Scope(UUID orgId, UUID userId, Role role) {}

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  /** The current scope, if a request set one. */
  public static Optional<Scope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  static void set(Scope scope) {
    CURRENT.set(scope);
  }

  static void clear() {
    CURRENT.remove();
  }
}
