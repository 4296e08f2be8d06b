package dev.kiln.billing.stripe;

import dev.kiln.billing.BillingProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The errors of buying credits. */
public final class StripeProblems {

  private StripeProblems() {}

  /** 503: no Stripe keys are configured. */
  public static final class PaymentsNotConfigured extends BillingProblem {
    PaymentsNotConfigured() {
      super(
          HttpStatus.SERVICE_UNAVAILABLE,
          "payments-not-configured",
          "Payments are not configured",
          "Payments are not configured on this Kiln: set STRIPE_SECRET_KEY and"
              + " STRIPE_WEBHOOK_SECRET. A platform admin can still grant credits.",
          Map.of());
    }
  }

  /** 400: no such pack. */
  public static final class UnknownPack extends BillingProblem {
    UnknownPack(String pack, java.util.Set<String> known) {
      super(
          HttpStatus.BAD_REQUEST,
          "unknown-pack",
          "Unknown credit pack",
          "There is no credit pack '" + pack + "'. Packs: " + String.join(", ", known) + ".",
          Map.of("packs", known));
    }
  }

  /** 400: a webhook whose signature does not verify. */
  public static final class InvalidSignature extends BillingProblem {
    InvalidSignature() {
      super(
          HttpStatus.BAD_REQUEST,
          "invalid-webhook-signature",
          "Invalid webhook signature",
          "The Stripe-Signature header does not match this body, or it is too old.",
          Map.of());
    }
  }

  /** 400: a signed event whose object Kiln cannot read. */
  public static final class UnreadableEvent extends BillingProblem {
    UnreadableEvent() {
      super(
          HttpStatus.BAD_REQUEST,
          "unreadable-webhook-event",
          "Unreadable webhook event",
          "The event's data object could not be read.",
          Map.of());
    }
  }

  /** 502: Stripe did not answer as expected. */
  public static final class StripeUnavailable extends BillingProblem {
    StripeUnavailable() {
      super(
          HttpStatus.BAD_GATEWAY,
          "stripe-unavailable",
          "Stripe is unavailable",
          "Stripe did not complete the request. Nothing was charged; try again shortly.",
          Map.of());
    }
  }
}
