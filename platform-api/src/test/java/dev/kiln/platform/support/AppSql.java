package dev.kiln.platform.support;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL run as the application's database role, in one transaction scoped to one org. */
public final class AppSql {

  private final TransactionTemplate tx;
  private final JdbcClient app;

  public AppSql(TransactionTemplate tx, JdbcClient app) {
    this.tx = tx;
    this.app = app;
  }

  public <T> T inOrg(UUID org, Supplier<T> body) {
    return tx.execute(
        s -> {
          app.sql("select set_config('kiln.org_id', ?, true)")
              .param(org.toString())
              .query()
              .listOfRows();
          return body.get();
        });
  }

  public void inOrg(UUID org, Runnable body) {
    inOrg(
        org,
        () -> {
          body.run();
          return null;
        });
  }
}
