package dev.kiln.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by setting the transaction-local {@code kiln.org_id} and {@code
 * kiln.user_id} from the {@link TenantContext}, so row level security sees the request's tenant and
 * nothing else. With no scope both are empty, and tenant tables show no rows.
 */
final class TenantTransactionManager extends JdbcTransactionManager {

  static final String SET_SCOPE =
      "select set_config('kiln.org_id', ?, true), set_config('kiln.user_id', ?, true)";

  TenantTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
      throws SQLException {
    super.prepareTransactionalConnection(con, definition);
    TenantContext.Scope scope = TenantContext.current().orElse(null);
    try (PreparedStatement ps = con.prepareStatement(SET_SCOPE)) {
      ps.setString(1, scope == null || scope.orgId() == null ? "" : scope.orgId().toString());
      ps.setString(2, scope == null || scope.userId() == null ? "" : scope.userId().toString());
      ps.execute();
    }
  }
}
