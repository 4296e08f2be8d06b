package dev.kiln.platform.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.CreditRecords;
import dev.kiln.billing.ledger.LedgerProblems;
import dev.kiln.billing.stripe.CreditCheckout;
import dev.kiln.billing.stripe.StripeWebhooks;
import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.support.StripeStub;
import dev.kiln.platform.support.TestInfrastructure;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sequences of purchases, holds, captures, releases, refunds, duplicate webhooks and
 * restarts, run against the real application and PostgreSQL and against a small in-memory model;
 * every invariant is checked after every step.
 */
class LedgerPropertiesIT {

  static final StripeStub stripe = new StripeStub();
  static final long PACK_CREDITS = 500;
  static String[] args;
  static ConfigurableApplicationContext app;

  /**
   * One step of a sequence; {@code n} picks an amount or an existing hold, {@code m} a second
   * number.
   */
  record Step(String kind, int n, int m) {
    @Override
    public String toString() {
      return kind + "(" + n + "," + m + ")";
    }
  }

  /** What the ledger should say, kept by hand. */
  static final class Model {
    long balance;
    final Map<UUID, Long> activeHolds = new LinkedHashMap<>();
    final Map<UUID, String> holdOperation = new LinkedHashMap<>();
    final Map<String, Long> charged = new LinkedHashMap<>();
    final List<String> deliveredEvents = new ArrayList<>();
    int purchases;

    long held() {
      return activeHolds.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    stripe.start();
    args =
        new String[] {
          "--server.port=0",
          "--kiln.database.url=" + TestInfrastructure.newDatabase(),
          "--kiln.database.user=postgres",
          "--kiln.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
          "--kiln.home=" + Files.createTempDirectory("kiln-props"),
          "--kiln.billing.free-monthly-credits=0",
          "--kiln.billing.stripe.secret-key=" + StripeStub.SECRET_KEY,
          "--kiln.billing.stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET,
          "--kiln.billing.stripe.api-base=" + stripe.baseUrl(),
          "--logging.level.root=WARN"
        };
    app = new SpringApplicationBuilder(KilnApplication.class).run(args);
  }

  @AfterContainer
  static void stop() {
    app.close();
    stripe.server.stop();
  }

  @Property(tries = 25)
  void everyInvariantHoldsAfterEveryStep(@ForAll("sequences") List<Step> steps) {
    UUID org = UUID.randomUUID();
    Model model = new Model();
    for (Step step : steps) {
      apply(step, org, model);
      checkInvariants(org, model, steps);
    }
  }

  @Provide
  Arbitrary<List<Step>> sequences() {
    Arbitrary<String> kinds =
        Arbitraries.frequency(
            net.jqwik.api.Tuple.of(4, "purchase"),
            net.jqwik.api.Tuple.of(8, "hold"),
            net.jqwik.api.Tuple.of(5, "capture"),
            net.jqwik.api.Tuple.of(3, "release"),
            net.jqwik.api.Tuple.of(3, "refund"),
            net.jqwik.api.Tuple.of(3, "duplicate"),
            net.jqwik.api.Tuple.of(1, "restart"));
    Arbitrary<Step> step =
        Combinators.combine(
                kinds,
                Arbitraries.integers().between(1, 700),
                Arbitraries.integers().between(0, 150))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(18);
  }

  private void apply(Step step, UUID org, Model model) {
    CreditLedger ledger = app.getBean(CreditLedger.class);
    switch (step.kind()) {
      case "purchase" -> {
        int quantity = 1 + step.n() % 3;
        String session = stripe.nextSession();
        app.getBean(CreditCheckout.class)
            .checkout(org, UUID.randomUUID(), "starter", "k-" + UUID.randomUUID());
        stripe.lineItems(session, "price_starter", quantity);
        String payload =
            StripeStub.event(
                "checkout.session.completed",
                StripeStub.session(
                    session, "paid", "pi_" + UUID.randomUUID(), 1000L * quantity, Map.of()));
        deliver(payload);
        model.balance += PACK_CREDITS * quantity;
        model.purchases++;
        model.deliveredEvents.add(payload);
      }
      case "duplicate" -> {
        if (!model.deliveredEvents.isEmpty()) {
          deliver(model.deliveredEvents.get(step.n() % model.deliveredEvents.size()));
        }
      }
      case "hold" -> {
        long amount = step.n();
        String operation = "op-" + UUID.randomUUID();
        long available = model.balance - model.held();
        if (amount <= available) {
          CreditRecords.Hold hold =
              ledger.reserve(org, "generation", amount, operation, "hold-" + operation);
          model.activeHolds.put(hold.id(), amount);
          model.holdOperation.put(hold.id(), operation);
        } else {
          assertThatThrownBy(
                  () -> ledger.reserve(org, "generation", amount, operation, "hold-" + operation))
              .isInstanceOf(LedgerProblems.InsufficientCredits.class);
        }
      }
      case "capture" -> {
        UUID hold = pick(model.activeHolds.keySet(), step.n());
        if (hold != null) {
          long reserved = model.activeHolds.remove(hold);
          long actual = reserved * step.m() / 100;
          ledger.capture(org, hold, actual);
          long charge = Math.min(actual, reserved);
          model.balance -= charge;
          model.charged.merge(model.holdOperation.get(hold), charge, Long::sum);
        }
      }
      case "release" -> {
        UUID hold = pick(model.activeHolds.keySet(), step.n());
        if (hold != null) {
          model.activeHolds.remove(hold);
          ledger.release(org, hold, "not needed");
        }
      }
      case "refund" -> {
        UUID hold = pick(model.holdOperation.keySet(), step.n());
        if (hold != null) {
          String operation = model.holdOperation.get(hold);
          ledger.refund(org, operation, "sandbox crashed");
          model.holdOperation.entrySet().stream()
              .filter(e -> e.getValue().equals(operation))
              .forEach(e -> model.activeHolds.remove(e.getKey()));
          Long charge = model.charged.put(operation, 0L);
          model.balance += charge == null ? 0 : charge;
        }
      }
      case "restart" -> {
        app.close();
        app = new SpringApplicationBuilder(KilnApplication.class).run(args);
      }
      default -> throw new IllegalStateException(step.kind());
    }
  }

  private void checkInvariants(UUID org, Model model, List<Step> steps) {
    CreditRecords.Balance balance = app.getBean(CreditLedger.class).balance(org);
    String context = "after " + steps;
    assertThat(balance.balance()).as("balance " + context).isEqualTo(model.balance);
    assertThat(balance.held()).as("held " + context).isEqualTo(model.held());
    assertThat(balance.available())
        .as("available " + context)
        .isEqualTo(model.balance - model.held())
        .isNotNegative();

    JdbcClient db = JdbcClient.create(app.getBean("ownerDataSource", DataSource.class));
    assertThat(
            db.sql("select coalesce(sum(balance), 0) from credit_accounts")
                .query(Long.class)
                .single())
        .as("all accounts sum to zero " + context)
        .isZero();
    Long fromTransfers =
        db.sql(
                "select coalesce(sum(case when t.to_account = w.id then t.amount else -t.amount end), 0)"
                    + " from credit_transfers t join credit_accounts w on w.org_id = t.org_id and w.kind = 'wallet'"
                    + " where t.org_id = ? and (t.to_account = w.id or t.from_account = w.id)")
            .param(org)
            .query(Long.class)
            .single();
    assertThat(fromTransfers).as("wallet equals its transfers " + context).isEqualTo(model.balance);
    Long activeHolds =
        db.sql(
                "select coalesce(sum(amount), 0) from credit_holds where org_id = ? and status = 'active'")
            .param(org)
            .query(Long.class)
            .single();
    assertThat(activeHolds).as("held equals active holds " + context).isEqualTo(model.held());
    assertThat(
            db.sql("select count(*) from credit_transfers where org_id = ? and kind = 'purchase'")
                .param(org)
                .query(Long.class)
                .single())
        .as("one grant per purchase " + context)
        .isEqualTo(model.purchases);
  }

  private static void deliver(String payload) {
    app.getBean(StripeWebhooks.class).handle(payload, StripeStub.signature(payload));
  }

  private static UUID pick(java.util.Collection<UUID> ids, int n) {
    if (ids.isEmpty()) {
      return null;
    }
    return new ArrayList<>(ids).get(n % ids.size());
  }
}
