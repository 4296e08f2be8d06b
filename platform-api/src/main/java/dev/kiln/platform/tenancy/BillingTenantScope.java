package dev.kiln.platform.tenancy;

import dev.kiln.billing.ledger.TenantScope;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The billing module's view of tenant scope: the same transaction-local settings RLS reads. */
@Component
class BillingTenantScope implements TenantScope {

  private final Tenancy tenancy;
  private final JdbcClient jdbc;

  BillingTenantScope(Tenancy tenancy, JdbcClient jdbc) {
    this.tenancy = tenancy;
    this.jdbc = jdbc;
  }

  @Override
  public void enter(UUID orgId) {
    tenancy.enter(orgId);
  }

  @Override
  public void presentStripeIds(String sessionId, String paymentIntent) {
    jdbc.sql(
            "select set_config('kiln.stripe_session', ?, true),"
                + " set_config('kiln.stripe_payment_intent', ?, true)")
        .params(sessionId == null ? "" : sessionId, paymentIntent == null ? "" : paymentIntent)
        .query()
        .listOfRows();
  }
}
