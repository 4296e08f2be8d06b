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

  /**
   * Runs {@code work} on this thread in the scope of {@code orgId} (no user), for background work
   * such as plugin runs; the previous scope is restored afterwards.
   */
  public static <T> T callAs(UUID orgId, java.util.function.Supplier<T> work) {
    return callAs(new Scope(orgId, null, null), work);
  }

  /**
   * Runs {@code work} on this thread in {@code scope} (for example a user with no org yet, to read
   * their own memberships), for work outside a request; the previous scope is restored afterwards.
   */
  public static <T> T callAs(Scope scope, java.util.function.Supplier<T> work) {
    Scope previous = CURRENT.get();
    CURRENT.set(scope);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static void set(Scope scope) {
    CURRENT.set(scope);
  }

  static void clear() {
    CURRENT.remove();
  }
}
