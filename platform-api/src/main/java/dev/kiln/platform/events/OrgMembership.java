package dev.kiln.platform.events;

import dev.kiln.platform.tenancy.Role;
import dev.kiln.platform.tenancy.TenantContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a WebSocket user may read an org's events (any member may: viewer or more). Asked in the
 * user's own scope, where row level security shows a user their own memberships only.
 */
@Component
class OrgMembership {

  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;

  OrgMembership(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** The user's role in the org; empty when not a member (or no such org). */
  Optional<Role> roleOf(UUID org, UUID user) {
    return TenantContext.callAs(
        new TenantContext.Scope(null, user, null),
        () ->
            readOnly.execute(
                status ->
                    jdbc.sql("select role from memberships where org_id = ? and user_id = ?")
                        .params(org, user)
                        .query(String.class)
                        .optional()
                        .map(r -> Role.valueOf(r.toUpperCase(Locale.ROOT)))));
  }
}
