package dev.kiln.platform.tenancy;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the tenant scope inside the current transaction, for flows that create or join an org.
 */
@Component
class Tenancy {

  private final JdbcClient jdbc;

  Tenancy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** From here to the end of the current transaction, rows of {@code orgId} are in scope. */
  @Transactional(propagation = Propagation.MANDATORY)
  void enter(UUID orgId) {
    jdbc.sql("select set_config('kiln.org_id', ?, true)")
        .param(orgId.toString())
        .query()
        .listOfRows();
  }

  /** Lets the current transaction see the one invitation whose token hashes to {@code hash}. */
  @Transactional(propagation = Propagation.MANDATORY)
  void presentInvitation(String hash) {
    jdbc.sql("select set_config('kiln.invitation_token', ?, true)")
        .param(hash)
        .query()
        .listOfRows();
  }
}
