package dev.kiln.billing.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the ledger tables. Every method runs inside the caller's transaction and org scope. */
@Repository
class LedgerStore {

  /** The wallet row, locked. */
  record Wallet(UUID id, long balance, long held) {}

  /** A stored transfer with the fields idempotency compares. */
  record StoredTransfer(
      UUID id, TransferKind kind, long amount, String operationRef, CreditRecords.Transfer view) {}

  private static final RowMapper<StoredTransfer> TRANSFER =
      (rs, n) -> {
        TransferKind kind = TransferKind.fromId(rs.getString("kind"));
        CreditRecords.Transfer view =
            new CreditRecords.Transfer(
                rs.getObject("id", UUID.class),
                kind.id(),
                rs.getLong("amount"),
                rs.getString("reason"),
                rs.getString("operation"),
                rs.getString("operation_ref"),
                rs.getObject("reverses", UUID.class),
                rs.getTimestamp("created_at").toInstant());
        return new StoredTransfer(view.id(), kind, view.amount(), view.operationRef(), view);
      };

  private static final RowMapper<CreditRecords.Hold> HOLD =
      (rs, n) ->
          new CreditRecords.Hold(
              rs.getObject("id", UUID.class),
              rs.getString("operation"),
              rs.getString("operation_ref"),
              rs.getLong("amount"),
              rs.getString("status"),
              (Long) rs.getObject("captured"),
              rs.getString("reason"),
              rs.getTimestamp("expires_at").toInstant());

  /** The advisory lock key space of credit movements ("KILN" in ASCII). */
  private static final int LOCK_SPACE = 0x4b494c4e;

  private final JdbcClient jdbc;

  LedgerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void ensureAccounts(UUID org) {
    for (AccountKind kind : AccountKind.values()) {
      jdbc.sql(
              "insert into credit_accounts (id, org_id, kind) values (?, ?, ?)"
                  + " on conflict (org_id, kind) do nothing")
          .params(UUID.randomUUID(), org, kind.id())
          .update();
    }
  }

  /**
   * Serializes the org's credit movements until the transaction ends (an advisory lock: the
   * application may not lock balance rows, which it cannot update), then reads the wallet.
   */
  Wallet lockWallet(UUID org) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
        .params(LOCK_SPACE, org.toString())
        .query()
        .listOfRows();
    return wallet(org);
  }

  Wallet wallet(UUID org) {
    return jdbc.sql(
            "select id, balance, held from credit_accounts where org_id = ? and kind = 'wallet'")
        .param(org)
        .query((rs, n) -> new Wallet(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  /** Inserts unless the key exists; returns true when this call inserted. */
  boolean insertTransfer(
      UUID org,
      UUID id,
      String key,
      TransferKind kind,
      long amount,
      String reason,
      String operation,
      String operationRef,
      UUID reverses) {
    return jdbc.sql(
                "insert into credit_transfers (id, org_id, idempotency_key, from_account, to_account,"
                    + " amount, kind, reason, operation, operation_ref, reverses)"
                    + " select ?, ?, ?, f.id, t.id, ?, ?, ?, ?, ?, ? from credit_accounts f, credit_accounts t"
                    + " where f.org_id = ? and f.kind = ? and t.org_id = ? and t.kind = ?"
                    + " on conflict (org_id, idempotency_key) do nothing")
            .params(
                id,
                org,
                key,
                amount,
                kind.id(),
                reason,
                operation,
                operationRef,
                reverses,
                org,
                kind.from.id(),
                org,
                kind.to.id())
            .update()
        == 1;
  }

  Optional<StoredTransfer> transferByKey(UUID org, String key) {
    return jdbc.sql("select * from credit_transfers where org_id = ? and idempotency_key = ?")
        .params(org, key)
        .query(TRANSFER)
        .optional();
  }

  List<StoredTransfer> transfersOf(UUID org, String operationRef, TransferKind kind) {
    return jdbc.sql(
            "select * from credit_transfers where org_id = ? and operation_ref = ? and kind = ?"
                + " order by created_at")
        .params(org, operationRef, kind.id())
        .query(TRANSFER)
        .list();
  }

  boolean isReversed(UUID org, UUID transferId) {
    return jdbc.sql("select count(*) from credit_transfers where org_id = ? and reverses = ?")
            .params(org, transferId)
            .query(Long.class)
            .single()
        > 0;
  }

  int expireOverdueHolds(UUID org, Instant now) {
    return jdbc.sql(
            "update credit_holds set status = 'expired', settled_at = ?, reason = 'expired unused'"
                + " where org_id = ? and status = 'active' and expires_at <= ?")
        .params(Timestamp.from(now), org, Timestamp.from(now))
        .update();
  }

  Optional<CreditRecords.Hold> holdByKey(UUID org, String key) {
    return jdbc.sql("select * from credit_holds where org_id = ? and idempotency_key = ?")
        .params(org, key)
        .query(HOLD)
        .optional();
  }

  Optional<CreditRecords.Hold> lockHold(UUID org, UUID holdId) {
    return jdbc.sql("select * from credit_holds where org_id = ? and id = ? for update")
        .params(org, holdId)
        .query(HOLD)
        .optional();
  }

  List<CreditRecords.Hold> activeHoldsOf(UUID org, String operationRef) {
    return jdbc.sql(
            "select * from credit_holds where org_id = ? and operation_ref = ? and status = 'active'"
                + " for update")
        .params(org, operationRef)
        .query(HOLD)
        .list();
  }

  CreditRecords.Hold insertHold(
      UUID org,
      UUID walletId,
      long amount,
      String operation,
      String operationRef,
      String key,
      Instant expiresAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into credit_holds (id, org_id, account_id, amount, operation, operation_ref,"
                + " idempotency_key, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, org, walletId, amount, operation, operationRef, key, Timestamp.from(expiresAt))
        .update();
    return new CreditRecords.Hold(
        id, operation, operationRef, amount, "active", null, null, expiresAt);
  }

  void settleHold(UUID org, UUID holdId, String status, Long captured, String reason, Instant now) {
    jdbc.sql(
            "update credit_holds set status = ?, captured = ?, reason = ?, settled_at = ?"
                + " where org_id = ? and id = ? and status = 'active'")
        .params(status, captured, reason, Timestamp.from(now), org, holdId)
        .update();
  }

  /** Usage minus refunds since {@code since}. */
  long netUsageSince(UUID org, Instant since) {
    return jdbc.sql(
            "select coalesce(sum(case kind when 'usage' then amount else -amount end), 0)"
                + " from credit_transfers where org_id = ? and kind in ('usage', 'refund') and created_at >= ?")
        .params(org, Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  long sumSince(UUID org, TransferKind kind, Instant since) {
    return jdbc.sql(
            "select coalesce(sum(amount), 0) from credit_transfers where org_id = ? and kind = ?"
                + " and created_at >= ?")
        .params(org, kind.id(), Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  /** Monthly cap (null: none) and freeze reason (null: not frozen). */
  record Settings(Long monthlyCap, String frozenReason) {}

  Settings settings(UUID org) {
    return jdbc.sql("select monthly_cap, frozen_reason from credit_settings where org_id = ?")
        .param(org)
        .query((rs, n) -> new Settings((Long) rs.getObject(1), rs.getString(2)))
        .optional()
        .orElse(new Settings(null, null));
  }

  void setCap(UUID org, Long cap) {
    jdbc.sql(
            "insert into credit_settings (org_id, monthly_cap) values (?, ?) on conflict (org_id)"
                + " do update set monthly_cap = excluded.monthly_cap, updated_at = now()")
        .params(org, cap)
        .update();
  }

  void freeze(UUID org, String reason) {
    jdbc.sql(
            "insert into credit_settings (org_id, frozen_reason) values (?, ?) on conflict (org_id)"
                + " do update set frozen_reason = excluded.frozen_reason, updated_at = now()")
        .params(org, reason)
        .update();
  }

  List<CreditRecords.LedgerEntry> entries(UUID org, int limit, int offset) {
    return jdbc.sql(
            "select id, at, type, credits, amount, reason, operation, operation_ref from ("
                + " select t.id, t.created_at as at, t.kind as type,"
                + "  case when t.to_account = w.id then t.amount else -t.amount end as credits,"
                + "  t.amount, t.reason, t.operation, t.operation_ref"
                + "  from credit_transfers t join credit_accounts w"
                + "  on w.org_id = t.org_id and w.kind = 'wallet' where t.org_id = ?"
                + " union all"
                + " select id, coalesce(settled_at, created_at), 'hold-' || status, 0, amount,"
                + "  coalesce(reason, 'reserved for ' || operation), operation, operation_ref"
                + "  from credit_holds where org_id = ?"
                + ") e order by at desc, id desc limit ? offset ?")
        .params(org, org, limit, offset)
        .query(LedgerStore::entry)
        .list();
  }

  private static CreditRecords.LedgerEntry entry(ResultSet rs, int n) throws SQLException {
    return new CreditRecords.LedgerEntry(
        rs.getObject("id", UUID.class),
        rs.getTimestamp("at").toInstant(),
        rs.getString("type"),
        rs.getLong("credits"),
        rs.getLong("amount"),
        rs.getString("reason"),
        rs.getString("operation"),
        rs.getString("operation_ref"));
  }
}
