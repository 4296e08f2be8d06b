package dev.kiln.billing.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The credit_purchases and stripe_events tables. */
@Repository
class Purchases {

  /** A purchase as stored. {@code credits} is null until Stripe reports it paid. */
  record Row(
      UUID id,
      UUID orgId,
      String packId,
      String sessionId,
      String paymentIntent,
      String status,
      Long credits,
      long clawedBack,
      Long amountTotal,
      String currency,
      String receiptUrl,
      Instant createdAt) {}

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getObject("id", UUID.class),
              rs.getObject("org_id", UUID.class),
              rs.getString("pack_id"),
              rs.getString("stripe_session_id"),
              rs.getString("payment_intent"),
              rs.getString("status"),
              (Long) rs.getObject("credits"),
              rs.getLong("credits_clawed_back"),
              (Long) rs.getObject("amount_total"),
              rs.getString("currency"),
              rs.getString("receipt_url"),
              rs.getTimestamp("created_at").toInstant());

  private final JdbcClient jdbc;

  Purchases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID org, String packId, String sessionId, UUID createdBy) {
    jdbc.sql(
            "insert into credit_purchases (id, org_id, pack_id, stripe_session_id, created_by)"
                + " values (?, ?, ?, ?, ?) on conflict (stripe_session_id) do nothing")
        .params(UUID.randomUUID(), org, packId, sessionId, createdBy)
        .update();
  }

  Optional<Row> bySession(String sessionId) {
    return jdbc.sql("select * from credit_purchases where stripe_session_id = ? for update")
        .param(sessionId)
        .query(ROW)
        .optional();
  }

  Optional<Row> byPaymentIntent(String paymentIntent) {
    return jdbc.sql("select * from credit_purchases where payment_intent = ? for update")
        .param(paymentIntent)
        .query(ROW)
        .optional();
  }

  List<Row> ofOrg(UUID org) {
    return jdbc.sql("select * from credit_purchases where org_id = ? order by created_at desc")
        .param(org)
        .query(ROW)
        .list();
  }

  void markPaid(
      UUID id,
      long credits,
      String paymentIntent,
      Long amountTotal,
      String currency,
      String receiptUrl) {
    jdbc.sql(
            "update credit_purchases set status = case when status in ('open', 'pending', 'failed')"
                + " then 'paid' else status end, credits = ?, payment_intent = ?, amount_total = ?,"
                + " currency = ?, receipt_url = coalesce(?, receipt_url), updated_at = now() where id = ?")
        .params(credits, paymentIntent, amountTotal, currency, receiptUrl, id)
        .update();
  }

  void setStatusIfIn(UUID id, String status, String... from) {
    jdbc.sql(
            "update credit_purchases set status = ?, updated_at = now() where id = ?"
                + " and status = any (?)")
        .params(status, id, from)
        .update();
  }

  void addClawedBack(UUID id, long credits, String status) {
    jdbc.sql(
            "update credit_purchases set credits_clawed_back = credits_clawed_back + ?, status = ?,"
                + " updated_at = now() where id = ?")
        .params(credits, status, id)
        .update();
  }

  /** Records an event; false when it was already recorded. */
  boolean recordEvent(String id, String type, String paymentIntent, String payload) {
    return jdbc.sql(
                "insert into stripe_events (id, type, payment_intent, payload) values (?, ?, ?, ?)"
                    + " on conflict (id) do nothing")
            .params(id, type, paymentIntent, payload)
            .update()
        == 1;
  }

  boolean isProcessed(String eventId) {
    return jdbc.sql("select processed_at is not null from stripe_events where id = ?")
        .param(eventId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  void markProcessed(String eventId) {
    jdbc.sql("update stripe_events set processed_at = now() where id = ? and processed_at is null")
        .param(eventId)
        .update();
  }

  /** Payloads of events about this payment that waited for its purchase, oldest first. */
  List<String> waiting(String paymentIntent) {
    return jdbc.sql(
            "select payload from stripe_events where payment_intent = ? and processed_at is null"
                + " and type in ('charge.refunded', 'charge.dispute.created') order by received_at")
        .param(paymentIntent)
        .query(String.class)
        .list();
  }
}
