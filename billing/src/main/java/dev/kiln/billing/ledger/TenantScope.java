package dev.kiln.billing.ledger;

import java.util.UUID;

/**
 * SPI the application implements: puts an org's rows in scope for the rest of the current
 * transaction (row level security). Every ledger operation calls it first.
 */
public interface TenantScope {

  /** Must be called inside a transaction. */
  void enter(UUID orgId);

  /** Lets the current transaction find the purchase of a Stripe session or payment intent. */
  void presentStripeIds(String sessionId, String paymentIntent);
}
