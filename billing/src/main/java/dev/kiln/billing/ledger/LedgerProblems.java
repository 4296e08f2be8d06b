package dev.kiln.billing.ledger;

import dev.kiln.billing.BillingProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The errors of spending credits. */
public final class LedgerProblems {

  private LedgerProblems() {}

  /** 402: the balance cannot cover the work. */
  public static final class InsufficientCredits extends BillingProblem {
    InsufficientCredits(long needed, long available) {
      super(
          HttpStatus.PAYMENT_REQUIRED,
          "insufficient-credits",
          "Not enough credits",
          "This needs "
              + needed
              + " credits and "
              + available
              + " are available. An owner can buy more under Credits"
              + " (POST /api/v1/orgs/{org}/credits/checkout).",
          Map.of("needed", needed, "available", available, "shortBy", needed - available));
    }
  }

  /** 402: the work would pass the org's monthly spending cap. */
  public static final class SpendingCapReached extends BillingProblem {
    SpendingCapReached(long needed, long spent, long cap) {
      super(
          HttpStatus.PAYMENT_REQUIRED,
          "spending-cap-reached",
          "Monthly spending cap reached",
          "This needs "
              + needed
              + " credits; "
              + spent
              + " of this month's cap of "
              + cap
              + " are already spent or reserved. An owner can raise the cap"
              + " (PUT /api/v1/orgs/{org}/credits/cap).",
          Map.of("needed", needed, "spentThisMonth", spent, "monthlyCap", cap));
    }
  }

  /** 402: credits are frozen (for example after a payment dispute). */
  public static final class CreditsFrozen extends BillingProblem {
    CreditsFrozen(String reason) {
      super(
          HttpStatus.PAYMENT_REQUIRED,
          "credits-frozen",
          "Credits are frozen",
          "This organization's credits are frozen: " + reason + ". Contact support.",
          Map.of());
    }
  }

  /** 409: an idempotency key reused for a different movement. */
  public static final class IdempotencyConflict extends BillingProblem {
    IdempotencyConflict(String key) {
      super(
          HttpStatus.CONFLICT,
          "idempotency-conflict",
          "Idempotency key reused",
          "The idempotency key '" + key + "' was already used for a different request.",
          Map.of());
    }
  }

  /** 404: no such hold in this org. */
  public static final class HoldNotFound extends BillingProblem {
    HoldNotFound() {
      super(
          HttpStatus.NOT_FOUND,
          "hold-not-found",
          "Hold not found",
          "No such credit hold.",
          Map.of());
    }
  }

  /** 409: the hold was already captured, released or expired. */
  public static final class HoldNotActive extends BillingProblem {
    HoldNotActive(String status) {
      super(
          HttpStatus.CONFLICT,
          "hold-not-active",
          "Hold already settled",
          "This credit hold is " + status + " and can no longer change.",
          Map.of("status", status));
    }
  }

  /** 400: a credit amount that is not a positive number. */
  public static final class InvalidAmount extends BillingProblem {
    InvalidAmount(String what) {
      super(
          HttpStatus.BAD_REQUEST,
          "invalid-amount",
          "Invalid amount",
          what + " must be a positive number of credits.",
          Map.of());
    }
  }
}
