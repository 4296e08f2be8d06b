package dev.kiln.billing.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import dev.kiln.billing.BillingSettings;
import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.TenantScope;
import dev.kiln.billing.ledger.TransferKind;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's webhook: verifies the signature over the raw body, then grants paid purchases exactly
 * once (credits from our pack table matched with the session's line items, never from metadata) and
 * claws back refunds and disputes. Duplicates are harmless; a refund or dispute that arrives before
 * its purchase is known waits and is applied when the purchase is granted.
 */
@Service
public class StripeWebhooks {

  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

  private final BillingSettings.Stripe settings;
  private final StripeGateway stripe;
  private final CreditCheckout checkout;
  private final Purchases purchases;
  private final CreditLedger ledger;
  private final TenantScope scope;
  private final TransactionTemplate tx;

  StripeWebhooks(
      BillingSettings settings,
      StripeGateway stripe,
      CreditCheckout checkout,
      Purchases purchases,
      CreditLedger ledger,
      TenantScope scope,
      TransactionTemplate tx) {
    this.settings = settings.stripe();
    this.stripe = stripe;
    this.checkout = checkout;
    this.purchases = purchases;
    this.ledger = ledger;
    this.scope = scope;
    this.tx = tx;
  }

  /**
   * Handles one delivery. Throws {@link StripeProblems.InvalidSignature} (nothing is stored) when
   * the signature, secret or timestamp do not verify.
   */
  public void handle(String payload, String signatureHeader) {
    if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
      throw new StripeProblems.PaymentsNotConfigured();
    }
    Event event;
    try {
      event =
          Webhook.constructEvent(
              payload,
              signatureHeader,
              settings.webhookSecret(),
              settings.webhookTolerance().toSeconds());
    } catch (SignatureVerificationException | RuntimeException e) {
      throw new StripeProblems.InvalidSignature();
    }
    StripeObject object = dataObject(event);
    String paymentIntent = paymentIntentOf(object);
    boolean fresh =
        tx.execute(
            s -> purchases.recordEvent(event.getId(), event.getType(), paymentIntent, payload));
    if (!fresh && Boolean.TRUE.equals(tx.execute(s -> purchases.isProcessed(event.getId())))) {
      return;
    }
    dispatch(event, object);
  }

  private void dispatch(Event event, StripeObject object) {
    switch (event.getType()) {
      case "checkout.session.completed" -> {
        Session session = (Session) object;
        if ("paid".equals(session.getPaymentStatus())) {
          grant(event.getId(), session);
        } else {
          settle(event.getId(), session.getId(), "pending", "open");
        }
      }
      case "checkout.session.async_payment_succeeded" -> grant(event.getId(), (Session) object);
      case "checkout.session.async_payment_failed" ->
          settle(event.getId(), ((Session) object).getId(), "failed", "open", "pending");
      case "charge.refunded" -> refund(event.getId(), (Charge) object);
      case "charge.dispute.created" -> dispute(event.getId(), (Dispute) object);
      default -> tx.executeWithoutResult(s -> purchases.markProcessed(event.getId()));
    }
  }

  private void grant(String eventId, Session session) {
    UUID org = orgOfSession(session.getId());
    if (org == null) {
      log.warn("Checkout Session {} is not one of Kiln's; ignored", session.getId());
      tx.executeWithoutResult(s -> purchases.markProcessed(eventId));
      return;
    }
    long credits = checkout.creditsFor(stripe.lineItems(session.getId()));
    String receipt = stripe.receiptUrl(session.getPaymentIntent());
    tx.executeWithoutResult(
        s -> {
          scope.enter(org);
          Purchases.Row purchase = purchases.bySession(session.getId()).orElseThrow();
          if (credits > 0) {
            ledger.grant(
                org,
                TransferKind.PURCHASE,
                credits,
                "Stripe purchase of pack " + purchase.packId(),
                session.getId(),
                "stripe:session:" + session.getId());
          } else {
            log.error("Session {} matched no credit pack; nothing granted", session.getId());
          }
          purchases.markPaid(
              purchase.id(),
              credits,
              session.getPaymentIntent(),
              session.getAmountTotal(),
              session.getCurrency(),
              receipt);
          purchases.markProcessed(eventId);
        });
    if (session.getPaymentIntent() != null) {
      replayWaiting(session.getPaymentIntent());
    }
  }

  private void settle(String eventId, String sessionId, String status, String... from) {
    UUID org = orgOfSession(sessionId);
    tx.executeWithoutResult(
        s -> {
          if (org != null) {
            scope.enter(org);
            purchases
                .bySession(sessionId)
                .ifPresent(p -> purchases.setStatusIfIn(p.id(), status, from));
          }
          purchases.markProcessed(eventId);
        });
  }

  private void refund(String eventId, Charge charge) {
    tx.executeWithoutResult(
        s -> {
          Purchases.Row purchase = grantedPurchase(charge.getPaymentIntent());
          if (purchase == null) {
            return;
          }
          long owed =
              charge.getAmount() == null || charge.getAmount() == 0
                  ? 0
                  : purchase.credits() * charge.getAmountRefunded() / charge.getAmount();
          long delta = owed - purchase.clawedBack();
          if (delta > 0) {
            long taken =
                ledger.clawBack(
                    purchase.orgId(),
                    delta,
                    "Stripe refund of charge " + charge.getId(),
                    purchase.sessionId(),
                    "stripe:refund:" + charge.getId() + ":" + charge.getAmountRefunded());
            if (taken < delta) {
              ledger.freeze(purchase.orgId(), "a refunded purchase's credits were already spent");
            }
            boolean full = Boolean.TRUE.equals(charge.getRefunded());
            purchases.addClawedBack(purchase.id(), delta, full ? "refunded" : purchase.status());
          }
          purchases.markProcessed(eventId);
        });
  }

  private void dispute(String eventId, Dispute dispute) {
    tx.executeWithoutResult(
        s -> {
          Purchases.Row purchase = grantedPurchase(dispute.getPaymentIntent());
          if (purchase == null) {
            return;
          }
          ledger.freeze(purchase.orgId(), "a payment is disputed (" + dispute.getId() + ")");
          long remaining = purchase.credits() - purchase.clawedBack();
          if (remaining > 0) {
            ledger.clawBack(
                purchase.orgId(),
                remaining,
                "Stripe dispute " + dispute.getId(),
                purchase.sessionId(),
                "stripe:dispute:" + dispute.getId());
          }
          purchases.addClawedBack(purchase.id(), Math.max(0, remaining), "disputed");
          purchases.markProcessed(eventId);
        });
  }

  /** The paid purchase of a payment, in its org's scope; null (the event waits) if not yet. */
  private Purchases.Row grantedPurchase(String paymentIntent) {
    if (paymentIntent == null) {
      return null;
    }
    scope.presentStripeIds(null, paymentIntent);
    Purchases.Row purchase = purchases.byPaymentIntent(paymentIntent).orElse(null);
    if (purchase == null || purchase.credits() == null) {
      return null;
    }
    scope.enter(purchase.orgId());
    return purchase;
  }

  private UUID orgOfSession(String sessionId) {
    return tx.execute(
        s -> {
          scope.presentStripeIds(sessionId, null);
          return purchases.bySession(sessionId).map(Purchases.Row::orgId).orElse(null);
        });
  }

  private void replayWaiting(String paymentIntent) {
    for (String payload : tx.execute(s -> purchases.waiting(paymentIntent))) {
      // Verified when it arrived; stored exactly as received.
      Event event = Webhook.constructEventWithoutVerification(payload);
      dispatch(event, dataObject(event));
    }
  }

  private static StripeObject dataObject(Event event) {
    var deserializer = event.getDataObjectDeserializer();
    return deserializer
        .getObject()
        .orElseGet(
            () -> {
              try {
                return deserializer.deserializeUnsafe();
              } catch (EventDataObjectDeserializationException e) {
                throw new StripeProblems.UnreadableEvent();
              }
            });
  }

  private static String paymentIntentOf(StripeObject object) {
    return switch (object) {
      case Charge c -> c.getPaymentIntent();
      case Dispute d -> d.getPaymentIntent();
      case Session s -> s.getPaymentIntent();
      case null, default -> null;
    };
  }
}
