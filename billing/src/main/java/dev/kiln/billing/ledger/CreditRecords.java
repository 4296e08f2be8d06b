package dev.kiln.billing.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The values the ledger hands out. */
public final class CreditRecords {

  private CreditRecords() {}

  /**
   * An org's credits now.
   *
   * @param balance posted credits in the wallet
   * @param available balance minus active holds; never negative
   * @param freeQuotaLeft this month's free credits not yet used up
   * @param monthlyCap null when no cap is set
   * @param spentThisMonth usage this month (net of refunds) plus active holds
   * @param frozenReason null unless credits are frozen
   */
  public record Balance(
      long balance,
      long available,
      long held,
      long freeQuotaLeft,
      Long monthlyCap,
      long spentThisMonth,
      String frozenReason) {}

  /** A reservation of credits for one operation. */
  public record Hold(
      UUID id,
      String operation,
      String operationRef,
      long amount,
      String status,
      Long captured,
      String reason,
      Instant expiresAt) {}

  /** A posted movement of credits. */
  public record Transfer(
      UUID id,
      String kind,
      long amount,
      String reason,
      String operation,
      String operationRef,
      UUID reverses,
      Instant at) {}

  /**
   * One line of the ledger as an org sees it.
   *
   * @param type a transfer kind ({@code purchase}, {@code usage}, {@code refund}...) or a hold's
   *     state ({@code hold-active}, {@code hold-captured}, {@code hold-released}, {@code
   *     hold-expired})
   * @param credits the change to the wallet's balance: positive in, negative out, 0 for holds
   * @param amount the credits moved or reserved
   */
  public record LedgerEntry(
      UUID id,
      Instant at,
      String type,
      long credits,
      long amount,
      String reason,
      String operation,
      String operationRef) {}

  /** A page of the ledger, newest first. */
  public record LedgerPage(int page, int size, boolean hasMore, List<LedgerEntry> entries) {}
}
