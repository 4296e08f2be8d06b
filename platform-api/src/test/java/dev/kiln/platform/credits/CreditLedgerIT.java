package dev.kiln.platform.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.CreditRecords;
import dev.kiln.billing.ledger.LedgerProblems;
import dev.kiln.billing.ledger.TransferKind;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.AppSql;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger against the real PostgreSQL: amounts, holds, idempotency, and the database's own
 * guards.
 */
@KilnIntegrationTest
@TestPropertySource(
    properties = {
      "kiln.billing.free-monthly-credits=100",
      "spring.datasource.hikari.maximum-pool-size=8"
    })
class CreditLedgerIT {

  @LocalServerPort int port;
  @Autowired CreditLedger ledger;
  @Autowired JdbcClient app;
  @Autowired TransactionTemplate tx;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  JdbcClient owner;
  AppSql asApp;
  UUID org;

  @BeforeEach
  void setUp() {
    owner = JdbcClient.create(ownerDataSource);
    asApp = new AppSql(tx, app);
    org = new KilnFixtures(new Api(port)).signUp("Ledger Owner").personalOrg();
  }

  @Test
  void theMonthlyFreeQuotaIsGrantedOnce() {
    CreditRecords.Balance first = ledger.balance(org);
    CreditRecords.Balance second = ledger.balance(org);
    assertThat(first.balance()).isEqualTo(100);
    assertThat(second.balance()).isEqualTo(100);
    assertThat(second.freeQuotaLeft()).isEqualTo(100);
    assertThat(
            owner
                .sql(
                    "select count(*) from credit_transfers where org_id = ? and kind = 'free-grant'")
                .param(org)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void holdsReserveAndCaptureChargesAtMostTheReservedAmount() {
    CreditRecords.Hold hold = ledger.reserve(org, "generation", 30, "gen-1", "hold-gen-1");
    CreditRecords.Balance reserved = ledger.balance(org);
    assertThat(reserved.held()).isEqualTo(30);
    assertThat(reserved.available()).isEqualTo(70);
    assertThat(reserved.balance()).isEqualTo(100);

    CreditRecords.Transfer charge = ledger.capture(org, hold.id(), 45);
    assertThat(charge.amount()).isEqualTo(30);
    assertThat(ledger.capture(org, hold.id(), 45).id()).isEqualTo(charge.id());
    CreditRecords.Balance after = ledger.balance(org);
    assertThat(after.balance()).isEqualTo(70);
    assertThat(after.held()).isZero();
    assertThat(after.spentThisMonth()).isEqualTo(30);
    assertThat(after.freeQuotaLeft()).isEqualTo(70);

    CreditRecords.Hold small = ledger.reserve(org, "preview", 10, "prev-1", "hold-prev-1");
    assertThat(ledger.capture(org, small.id(), 4).amount()).isEqualTo(4);
    assertThat(ledger.balance(org).available()).isEqualTo(66);
    assertThatThrownBy(() -> ledger.release(org, small.id(), "late"))
        .isInstanceOf(LedgerProblems.HoldNotActive.class);
  }

  @Test
  void insufficientCreditsAnswer402WithWhatIsNeeded() {
    assertThatThrownBy(() -> ledger.reserve(org, "generation", 101, "gen-big", "hold-big"))
        .isInstanceOf(LedgerProblems.InsufficientCredits.class)
        .satisfies(
            e -> {
              var problem = ((LedgerProblems.InsufficientCredits) e).getBody();
              assertThat(problem.getStatus()).isEqualTo(402);
              assertThat(problem.getProperties())
                  .containsEntry("needed", 101L)
                  .containsEntry("available", 100L);
              assertThat(problem.getDetail()).contains("buy more");
            });
    assertThat(ledger.balance(org).held()).isZero();
  }

  @Test
  void idempotencyKeysReturnTheOriginalOrAnswer409() {
    CreditRecords.Transfer granted =
        ledger.grant(org, TransferKind.ADMIN_GRANT, 25, "welcome", null, "grant-1");
    assertThat(ledger.grant(org, TransferKind.ADMIN_GRANT, 25, "welcome", null, "grant-1").id())
        .isEqualTo(granted.id());
    assertThatThrownBy(
            () -> ledger.grant(org, TransferKind.ADMIN_GRANT, 26, "welcome", null, "grant-1"))
        .isInstanceOf(LedgerProblems.IdempotencyConflict.class);
    assertThat(ledger.balance(org).balance()).isEqualTo(125);

    CreditRecords.Hold hold = ledger.reserve(org, "preview", 5, "p-1", "hold-p-1");
    assertThat(ledger.reserve(org, "preview", 5, "p-1", "hold-p-1").id()).isEqualTo(hold.id());
    assertThatThrownBy(() -> ledger.reserve(org, "preview", 6, "p-1", "hold-p-1"))
        .isInstanceOf(LedgerProblems.IdempotencyConflict.class);
  }

  @Test
  void expiredHoldsReleaseThemselves() {
    CreditRecords.Hold hold = ledger.reserve(org, "verified-build", 40, "b-1", "hold-b-1");
    owner
        .sql("update credit_holds set expires_at = now() - interval '1 second' where id = ?")
        .param(hold.id())
        .update();
    CreditRecords.Balance balance = ledger.balance(org);
    assertThat(balance.held()).isZero();
    assertThat(balance.available()).isEqualTo(100);
    assertThatThrownBy(() -> ledger.capture(org, hold.id(), 40))
        .isInstanceOf(LedgerProblems.HoldNotActive.class);
  }

  @Test
  void aSpendingCapStopsWorkThatWouldPassIt() {
    ledger.setMonthlyCap(org, 50L);
    CreditRecords.Hold hold = ledger.reserve(org, "generation", 30, "g-1", "hold-g-1");
    ledger.capture(org, hold.id(), 30);
    ledger.reserve(org, "preview", 15, "p-1", "hold-p-1");
    assertThatThrownBy(() -> ledger.reserve(org, "preview", 10, "p-2", "hold-p-2"))
        .isInstanceOf(LedgerProblems.SpendingCapReached.class)
        .satisfies(
            e ->
                assertThat(((LedgerProblems.SpendingCapReached) e).getBody().getProperties())
                    .containsEntry("spentThisMonth", 45L)
                    .containsEntry("monthlyCap", 50L));
    ledger.setMonthlyCap(org, null);
    assertThat(ledger.reserve(org, "preview", 10, "p-2", "hold-p-2").status()).isEqualTo("active");
  }

  @Test
  void platformFailuresAreRefundedWithAReason() {
    CreditRecords.Hold charged = ledger.reserve(org, "generation", 20, "gen-fail", "h-1");
    ledger.capture(org, charged.id(), 20);
    CreditRecords.Hold pending = ledger.reserve(org, "verified-build", 5, "gen-fail", "h-2");
    List<CreditRecords.Transfer> refunds =
        ledger.refund(org, "gen-fail", "sandbox infrastructure error");
    assertThat(refunds)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("refund");
              assertThat(r.amount()).isEqualTo(20);
              assertThat(r.reason()).contains("sandbox infrastructure error");
            });
    assertThat(ledger.refund(org, "gen-fail", "again")).isEmpty();
    CreditRecords.Balance balance = ledger.balance(org);
    assertThat(balance.balance()).isEqualTo(100);
    assertThat(balance.held()).isZero();
    List<CreditRecords.LedgerEntry> entries = ledger.ledger(org, 0, 50).entries();
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.id()).isEqualTo(pending.id());
              assertThat(e.type()).isEqualTo("hold-released");
              assertThat(e.reason()).contains("sandbox infrastructure error");
            });
    assertThat(entries.get(0).at()).isAfterOrEqualTo(entries.get(entries.size() - 1).at());
  }

  @Test
  void theApplicationCannotRewriteTheLedgerAndTheDatabaseKeepsAvailableNonNegative() {
    ledger.balance(org);
    asApp.inOrg(
        org,
        () -> {
          assertThatThrownBy(() -> app.sql("update credit_transfers set amount = 1").update())
              .isInstanceOf(DataAccessException.class)
              .rootCause()
              .hasMessageContaining("permission denied");
        });
    asApp.inOrg(
        org,
        () -> {
          assertThatThrownBy(() -> app.sql("delete from credit_transfers").update())
              .isInstanceOf(DataAccessException.class)
              .rootCause()
              .hasMessageContaining("permission denied");
        });
    asApp.inOrg(
        org,
        () -> {
          assertThatThrownBy(() -> app.sql("update credit_accounts set balance = 1000000").update())
              .isInstanceOf(DataAccessException.class)
              .rootCause()
              .hasMessageContaining("permission denied");
        });
    assertThatThrownBy(
            () ->
                owner
                    .sql("update credit_transfers set amount = 1 where org_id = ?")
                    .param(org)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("immutable");
    UUID wallet =
        owner
            .sql("select id from credit_accounts where org_id = ? and kind = 'wallet'")
            .param(org)
            .query(UUID.class)
            .single();
    asApp.inOrg(
        org,
        () -> {
          assertThatThrownBy(
                  () ->
                      app.sql(
                              "insert into credit_holds (id, org_id, account_id, amount, operation,"
                                  + " operation_ref, idempotency_key, expires_at) values (?, ?, ?, 101, 'x', 'x', 'raw', now() + interval '1 hour')")
                          .params(UUID.randomUUID(), org, wallet)
                          .update())
              .isInstanceOf(DataAccessException.class)
              .rootCause()
              .hasMessageContaining("wallet_available_never_negative");
        });
    assertThat(ledger.balance(org).available()).isEqualTo(100);
  }

  @Test
  void tenThousandConcurrentOneCreditHoldsAgainstABalanceOf100() throws Exception {
    assertThat(ledger.balance(org).available()).isEqualTo(100);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    AtomicInteger granted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      int n = i;
      work.add(
          pool.submit(
              () -> {
                try {
                  ledger.reserve(org, "plugin-run", 1, "op-" + n, "burst-" + n);
                  granted.incrementAndGet();
                } catch (LedgerProblems.InsufficientCredits e) {
                  refused.incrementAndGet();
                }
                if (n % 500 == 0) {
                  Long available =
                      owner
                          .sql(
                              "select balance - held from credit_accounts where org_id = ? and kind = 'wallet'")
                          .param(org)
                          .query(Long.class)
                          .single();
                  assertThat(available).isNotNegative();
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertThat(granted.get()).isEqualTo(100);
    assertThat(refused.get()).isEqualTo(9_900);
    CreditRecords.Balance balance = ledger.balance(org);
    assertThat(balance.available()).isZero();
    assertThat(balance.held()).isEqualTo(100);
    assertThat(owner.sql("select sum(balance) from credit_accounts").query(Long.class).single())
        .isZero();
  }
}
