package dev.kiln.billing.stripe;

import dev.kiln.billing.BillingSettings;
import dev.kiln.billing.ledger.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Buying credit packs: Checkout Sessions, and the purchases an org made. */
@Service
public class CreditCheckout {

  /** A pack as offered. */
  public record PackOffer(String id, String label, long credits) {}

  /** A purchase as its org's owners see it. */
  public record Purchase(
      UUID id,
      String pack,
      String status,
      Long credits,
      long creditsClawedBack,
      Long amount,
      String currency,
      String receiptUrl,
      Instant createdAt) {}

  private final BillingSettings settings;
  private final StripeGateway stripe;
  private final Purchases purchases;
  private final TenantScope scope;
  private final TransactionTemplate tx;

  CreditCheckout(
      BillingSettings settings,
      StripeGateway stripe,
      Purchases purchases,
      TenantScope scope,
      TransactionTemplate tx) {
    this.settings = settings;
    this.stripe = stripe;
    this.purchases = purchases;
    this.scope = scope;
    this.tx = tx;
  }

  /** True when Stripe keys are configured. */
  public boolean paymentsConfigured() {
    return settings.stripe().configured();
  }

  public List<PackOffer> packs() {
    return new TreeMap<>(settings.packs())
        .entrySet().stream()
            .map(e -> new PackOffer(e.getKey(), e.getValue().label(), e.getValue().credits()))
            .toList();
  }

  /**
   * Creates a Stripe Checkout Session for a pack and returns its URL. The Stripe call carries
   * {@code idempotencyKey}, so a retried request does not create a second session.
   */
  public String checkout(UUID org, UUID buyer, String packId, String idempotencyKey) {
    if (!paymentsConfigured()) {
      throw new StripeProblems.PaymentsNotConfigured();
    }
    BillingSettings.Pack pack = settings.packs().get(packId);
    if (pack == null) {
      throw new StripeProblems.UnknownPack(packId, new TreeMap<>(settings.packs()).keySet());
    }
    StripeGateway.CreatedSession session =
        stripe.createSession(org.toString(), packId, pack.priceId(), idempotencyKey);
    tx.executeWithoutResult(
        status -> {
          scope.enter(org);
          purchases.insert(org, packId, session.id(), buyer);
        });
    return session.url();
  }

  public List<Purchase> purchases(UUID org) {
    return tx.execute(
        status -> {
          scope.enter(org);
          return purchases.ofOrg(org).stream()
              .map(
                  r ->
                      new Purchase(
                          r.id(),
                          r.packId(),
                          r.status(),
                          r.credits(),
                          r.clawedBack(),
                          r.amountTotal(),
                          r.currency(),
                          r.receiptUrl(),
                          r.createdAt()))
              .toList();
        });
  }

  /** Credits a session's line items are worth, by our pack table; unknown prices count 0. */
  long creditsFor(List<StripeGateway.Line> lines) {
    Map<String, Long> byPrice = new java.util.HashMap<>();
    settings.packs().values().forEach(p -> byPrice.put(p.priceId(), p.credits()));
    return lines.stream()
        .mapToLong(l -> Math.multiplyExact(byPrice.getOrDefault(l.priceId(), 0L), l.quantity()))
        .sum();
  }
}
