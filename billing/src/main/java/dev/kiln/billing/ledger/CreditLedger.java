package dev.kiln.billing.ledger;

import dev.kiln.billing.BillingSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An org's credits: balances, holds, charges, grants and refunds. Every method runs in its own
 * transaction (or joins the caller's), enters the org's scope first, and locks the org's wallet
 * before it moves anything, so movements of one org are serialized and the database's constraint
 * keeps the available balance from going below zero. Movements are idempotent on their keys.
 */
@Service
public class CreditLedger {

  private final LedgerStore store;
  private final TenantScope scope;
  private final BillingSettings settings;
  private final Clock clock;

  /** Orgs whose accounts exist and whose free quota is granted for the month (after commit). */
  private final Map<UUID, YearMonth> opened = new ConcurrentHashMap<>();

  CreditLedger(LedgerStore store, TenantScope scope, BillingSettings settings, Clock clock) {
    this.store = store;
    this.scope = scope;
    this.settings = settings;
    this.clock = clock;
  }

  /** The org's credits now (expired holds released, this month's free quota granted). */
  @Transactional
  public CreditRecords.Balance balance(UUID org) {
    open(org);
    LedgerStore.Wallet wallet = store.wallet(org);
    LedgerStore.Settings orgSettings = store.settings(org);
    Instant monthStart = monthStart();
    long usage = store.netUsageSince(org, monthStart);
    long free = store.sumSince(org, TransferKind.FREE_GRANT, monthStart);
    return new CreditRecords.Balance(
        wallet.balance(),
        wallet.balance() - wallet.held(),
        wallet.held(),
        Math.max(0, free - usage),
        orgSettings.monthlyCap(),
        usage + wallet.held(),
        orgSettings.frozenReason());
  }

  /**
   * Reserves {@code credits} for an operation. Idempotent on {@code key}: the same key and request
   * returns the same hold.
   *
   * @throws LedgerProblems.InsufficientCredits when the available balance cannot cover it
   * @throws LedgerProblems.SpendingCapReached when it would pass the monthly cap
   * @throws LedgerProblems.CreditsFrozen when the org's credits are frozen
   */
  @Transactional
  public CreditRecords.Hold reserve(
      UUID org, String operation, long credits, String operationRef, String key) {
    requirePositive(credits, "A hold");
    open(org);
    LedgerStore.Wallet wallet = store.lockWallet(org);
    var existing = store.holdByKey(org, key);
    if (existing.isPresent()) {
      CreditRecords.Hold hold = existing.get();
      if (hold.amount() != credits || !hold.operationRef().equals(operationRef)) {
        throw new LedgerProblems.IdempotencyConflict(key);
      }
      return hold;
    }
    LedgerStore.Settings orgSettings = store.settings(org);
    if (orgSettings.frozenReason() != null) {
      throw new LedgerProblems.CreditsFrozen(orgSettings.frozenReason());
    }
    long available = wallet.balance() - wallet.held();
    if (credits > available) {
      throw new LedgerProblems.InsufficientCredits(credits, available);
    }
    if (orgSettings.monthlyCap() != null) {
      long spent = store.netUsageSince(org, monthStart()) + wallet.held();
      if (spent + credits > orgSettings.monthlyCap()) {
        throw new LedgerProblems.SpendingCapReached(credits, spent, orgSettings.monthlyCap());
      }
    }
    return store.insertHold(
        org,
        wallet.id(),
        credits,
        operation,
        operationRef,
        key,
        clock.instant().plus(settings.holdTtl()));
  }

  /**
   * Charges what the work actually used, at most the reserved amount, and releases the rest.
   * Returns the usage transfer, or null when nothing was used. Capturing twice returns the same.
   */
  @Transactional
  public CreditRecords.Transfer capture(UUID org, UUID holdId, long actual) {
    if (actual < 0) {
      throw new LedgerProblems.InvalidAmount("The captured amount");
    }
    open(org);
    store.lockWallet(org);
    CreditRecords.Hold hold =
        store.lockHold(org, holdId).orElseThrow(LedgerProblems.HoldNotFound::new);
    String key = "capture:" + holdId;
    if (hold.status().equals("captured")) {
      return store.transferByKey(org, key).map(LedgerStore.StoredTransfer::view).orElse(null);
    }
    if (!hold.status().equals("active")) {
      throw new LedgerProblems.HoldNotActive(hold.status());
    }
    long charge = Math.min(actual, hold.amount());
    store.settleHold(
        org,
        holdId,
        "captured",
        charge,
        "captured " + charge + " of " + hold.amount(),
        clock.instant());
    if (charge == 0) {
      return null;
    }
    return post(
        org,
        TransferKind.USAGE,
        charge,
        "used by " + hold.operation(),
        hold.operation(),
        hold.operationRef(),
        null,
        key);
  }

  /** Releases an active hold without charging; releasing a released hold does nothing. */
  @Transactional
  public CreditRecords.Hold release(UUID org, UUID holdId, String reason) {
    open(org);
    store.lockWallet(org);
    CreditRecords.Hold hold =
        store.lockHold(org, holdId).orElseThrow(LedgerProblems.HoldNotFound::new);
    if (hold.status().equals("active")) {
      store.settleHold(org, holdId, "released", null, reason, clock.instant());
    } else if (!hold.status().equals("released") && !hold.status().equals("expired")) {
      throw new LedgerProblems.HoldNotActive(hold.status());
    }
    return store.lockHold(org, holdId).orElseThrow();
  }

  /**
   * The platform failed the operation: its active holds are released and its charges reversed, each
   * with {@code reason}. Idempotent; returns the refund transfers made by this call.
   */
  @Transactional
  public List<CreditRecords.Transfer> refund(UUID org, String operationRef, String reason) {
    open(org);
    store.lockWallet(org);
    for (CreditRecords.Hold hold : store.activeHoldsOf(org, operationRef)) {
      store.settleHold(org, hold.id(), "released", null, "refunded: " + reason, clock.instant());
    }
    List<CreditRecords.Transfer> refunds = new ArrayList<>();
    for (LedgerStore.StoredTransfer charge :
        store.transfersOf(org, operationRef, TransferKind.USAGE)) {
      if (!store.isReversed(org, charge.id())) {
        refunds.add(
            post(
                org,
                TransferKind.REFUND,
                charge.amount(),
                "refunded: " + reason,
                charge.view().operation(),
                operationRef,
                charge.id(),
                "refund:" + charge.id()));
      }
    }
    return refunds;
  }

  /** Adds credits to the wallet from a purchase, a free grant or an admin; idempotent on key. */
  @Transactional
  public CreditRecords.Transfer grant(
      UUID org, TransferKind kind, long credits, String reason, String operationRef, String key) {
    if (kind.to != AccountKind.WALLET || kind == TransferKind.REFUND) {
      throw new IllegalArgumentException(kind + " is not a grant");
    }
    requirePositive(credits, "A grant");
    open(org);
    store.lockWallet(org);
    return post(org, kind, credits, reason, null, operationRef, null, key);
  }

  /**
   * Takes back up to {@code credits} from the wallet (never more than is available); returns what
   * was taken. Idempotent on key.
   */
  @Transactional
  public long clawBack(UUID org, long credits, String reason, String operationRef, String key) {
    open(org);
    LedgerStore.Wallet wallet = store.lockWallet(org);
    var existing = store.transferByKey(org, key);
    if (existing.isPresent()) {
      return existing.get().amount();
    }
    long taken = Math.min(credits, wallet.balance() - wallet.held());
    if (taken <= 0) {
      return 0;
    }
    post(org, TransferKind.CLAWBACK, taken, reason, null, operationRef, null, key);
    return taken;
  }

  /** Freezes the org's credits: no new holds until an admin lifts it. */
  @Transactional
  public void freeze(UUID org, String reason) {
    open(org);
    store.freeze(org, Objects.requireNonNull(reason));
  }

  /** Sets (or with null, clears) the monthly spending cap. */
  @Transactional
  public CreditRecords.Balance setMonthlyCap(UUID org, Long cap) {
    if (cap != null && cap < 0) {
      throw new LedgerProblems.InvalidAmount("The monthly cap");
    }
    open(org);
    store.setCap(org, cap);
    return balance(org);
  }

  /** The ledger, newest first: transfers and holds with their reasons and operations. */
  @Transactional
  public CreditRecords.LedgerPage ledger(UUID org, int page, int size) {
    open(org);
    List<CreditRecords.LedgerEntry> entries = store.entries(org, size + 1, page * size);
    boolean more = entries.size() > size;
    return new CreditRecords.LedgerPage(
        page, size, more, more ? entries.subList(0, size) : entries);
  }

  private CreditRecords.Transfer post(
      UUID org,
      TransferKind kind,
      long amount,
      String reason,
      String operation,
      String operationRef,
      UUID reverses,
      String key) {
    UUID id = UUID.randomUUID();
    if (store.insertTransfer(
        org, id, key, kind, amount, reason, operation, operationRef, reverses)) {
      return store.transferByKey(org, key).orElseThrow().view();
    }
    LedgerStore.StoredTransfer existing = store.transferByKey(org, key).orElseThrow();
    if (existing.kind() != kind
        || existing.amount() != amount
        || !Objects.equals(existing.operationRef(), operationRef)) {
      throw new LedgerProblems.IdempotencyConflict(key);
    }
    return existing.view();
  }

  /** Scope, accounts, lazy hold expiry and the month's free quota: before anything else. */
  private void open(UUID org) {
    scope.enter(org);
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    if (!month.equals(opened.get(org))) {
      store.ensureAccounts(org);
      if (settings.freeMonthlyCredits() > 0) {
        store.lockWallet(org);
        post(
            org,
            TransferKind.FREE_GRANT,
            settings.freeMonthlyCredits(),
            "free credits for " + month,
            null,
            null,
            null,
            "free-quota:" + month);
      }
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              opened.put(org, month);
            }
          });
    }
    store.expireOverdueHolds(org, clock.instant());
  }

  private Instant monthStart() {
    return YearMonth.now(clock.withZone(ZoneOffset.UTC))
        .atDay(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private static void requirePositive(long credits, String what) {
    if (credits <= 0) {
      throw new LedgerProblems.InvalidAmount(what);
    }
  }
}
