package dev.kiln.platform.credits;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.LedgerProblems;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.platform.support.StripeStub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Buying credits through stripe-java against a local Stripe stub, with real webhook signatures. */
@KilnIntegrationTest
class StripeIT {

  static final StripeStub stripe = new StripeStub().start();

  @DynamicPropertySource
  static void stripeSettings(DynamicPropertyRegistry registry) {
    registry.add("kiln.billing.stripe.secret-key", () -> StripeStub.SECRET_KEY);
    registry.add("kiln.billing.stripe.webhook-secret", () -> StripeStub.WEBHOOK_SECRET);
    registry.add("kiln.billing.stripe.api-base", stripe::baseUrl);
    registry.add("kiln.billing.free-monthly-credits", () -> "0");
  }

  @AfterAll
  static void stop() {
    stripe.server.stop();
  }

  @LocalServerPort int port;
  @Autowired CreditLedger ledger;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  Api api;
  KilnFixtures fixtures;
  TestUser owner;
  UUID org;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    owner = fixtures.signUp("Buyer");
    org = owner.personalOrg();
  }

  @Test
  void ownersGetACheckoutUrlFromAnIdempotentSessionRequest() {
    String session = stripe.nextSession();
    Api.Response r =
        api.send(
            "POST",
            "/api/v1/orgs/" + org + "/credits/checkout",
            owner.accessToken(),
            Map.of("pack", "starter"),
            Map.of("Idempotency-Key", "retry-safe-123"));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.text("url")).isEqualTo("https://checkout.stripe.com/c/pay/" + session);
    stripe.server.verify(
        postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
            .withHeader("Authorization", containing(StripeStub.SECRET_KEY))
            .withHeader("Idempotency-Key", containing("retry-safe-123"))
            .withRequestBody(containing("line_items[0][price]=price_starter"))
            .withRequestBody(containing("mode=payment"))
            .withRequestBody(containing("client_reference_id=" + org))
            .withRequestBody(containing("success_url=")));
    assertThat(purchases().get(0).get("status").asString()).isEqualTo("open");

    TestUser editor = fixtures.signUp("Not Owner");
    fixtures.join(owner, org, editor, "editor");
    assertThat(
            api.post(
                    "/api/v1/orgs/" + org + "/credits/checkout",
                    editor.accessToken(),
                    Map.of("pack", "starter"))
                .status())
        .isEqualTo(403);
    Api.Response unknown =
        api.post(
            "/api/v1/orgs/" + org + "/credits/checkout",
            owner.accessToken(),
            Map.of("pack", "gold"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text("type")).endsWith("/unknown-pack");
  }

  @Test
  void aPaidSessionGrantsItsLineItemsOnceEvenDelivered50TimesAtOnce() throws Exception {
    String session = checkout("starter");
    stripe.lineItems(session, "price_team", 1);
    stripe.paymentIntent("pi_many", "https://pay.stripe.com/receipts/abc");
    String payload =
        StripeStub.event(
            "checkout.session.completed",
            StripeStub.session(
                session,
                "paid",
                "pi_many",
                9900,
                Map.of("kiln_pack", "starter", "credits", "999999")));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Integer>> deliveries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      deliveries.add(pool.submit(() -> deliver(payload).status()));
    }
    for (Future<Integer> d : deliveries) {
      assertThat(d.get()).isEqualTo(200);
    }
    pool.shutdown();
    assertThat(balance()).isEqualTo(2500);
    assertThat(
            count("select count(*) from credit_transfers where org_id = ? and kind = 'purchase'"))
        .isEqualTo(1);
    JsonNode purchase = purchases().get(0);
    assertThat(purchase.get("status").asString()).isEqualTo("paid");
    assertThat(purchase.get("credits").asLong()).isEqualTo(2500);
    assertThat(purchase.get("amount").asLong()).isEqualTo(9900);
    assertThat(purchase.get("receiptUrl").asString())
        .isEqualTo("https://pay.stripe.com/receipts/abc");
  }

  @Test
  void anUnpaidSessionWaitsForItsAsyncPaymentAndAFailedOneGrantsNothing() {
    String session = checkout("starter");
    stripe.lineItems(session, "price_starter", 2);
    assertThat(
            deliver(
                    StripeStub.event(
                        "checkout.session.completed",
                        StripeStub.session(session, "unpaid", "pi_async", 1000, Map.of())))
                .status())
        .isEqualTo(200);
    assertThat(balance()).isZero();
    assertThat(purchases().get(0).get("status").asString()).isEqualTo("pending");
    deliver(
        StripeStub.event(
            "checkout.session.async_payment_succeeded",
            StripeStub.session(session, "paid", "pi_async", 1000, Map.of())));
    assertThat(balance()).isEqualTo(1000);

    String failed = checkout("starter");
    stripe.lineItems(failed, "price_starter", 1);
    deliver(
        StripeStub.event(
            "checkout.session.completed",
            StripeStub.session(failed, "unpaid", "pi_fail", 1000, Map.of())));
    deliver(
        StripeStub.event(
            "checkout.session.async_payment_failed",
            StripeStub.session(failed, "unpaid", "pi_fail", 1000, Map.of())));
    assertThat(balance()).isEqualTo(1000);
    assertThat(purchases())
        .anySatisfy(p -> assertThat(p.get("status").asString()).isEqualTo("failed"));
  }

  @Test
  void aRefundThatArrivesBeforeThePurchaseIsAppliedWhenThePurchaseIs() {
    String session = checkout("starter");
    stripe.lineItems(session, "price_starter", 1);
    assertThat(
            deliver(
                    StripeStub.event(
                        "charge.refunded", StripeStub.charge("ch_early", "pi_early", 1000, 1000)))
                .status())
        .isEqualTo(200);
    deliver(
        StripeStub.event(
            "checkout.session.completed",
            StripeStub.session(session, "paid", "pi_early", 1000, Map.of())));
    assertThat(balance()).isZero();
    assertThat(purchases().get(0).get("status").asString()).isEqualTo("refunded");
    JsonNode ledgerPage =
        api.get("/api/v1/orgs/" + org + "/credits/ledger", owner.accessToken()).json();
    assertThat(ledgerPage.get("entries").valueStream().map(e -> e.get("type").asString()))
        .containsExactly("clawback", "purchase");
  }

  @Test
  void partialRefundsClawBackProportionallyAndADisputeFreezesCredits() {
    String session = checkout("starter");
    stripe.lineItems(session, "price_starter", 1);
    deliver(
        StripeStub.event(
            "checkout.session.completed",
            StripeStub.session(session, "paid", "pi_dispute", 1000, Map.of())));
    var hold = ledger.reserve(org, "generation", 100, "gen-x", "hold-gen-x");
    ledger.capture(org, hold.id(), 100);
    assertThat(balance()).isEqualTo(400);

    deliver(
        StripeStub.event("charge.refunded", StripeStub.charge("ch_d", "pi_dispute", 1000, 500)));
    assertThat(balance()).isEqualTo(150);
    deliver(
        StripeStub.event(
            "charge.dispute.created", StripeStub.dispute("dp_1", "ch_d", "pi_dispute")));
    assertThat(balance()).isZero();
    Api.Response credits = api.get("/api/v1/orgs/" + org + "/credits", owner.accessToken());
    assertThat(credits.text("frozenReason")).contains("disputed");
    ledger.grant(
        org, dev.kiln.billing.ledger.TransferKind.ADMIN_GRANT, 10, "goodwill", null, "goodwill-1");
    assertThatThrownBy(() -> ledger.reserve(org, "preview", 1, "p", "hold-p"))
        .isInstanceOf(LedgerProblems.CreditsFrozen.class);
    assertThat(purchases().get(0).get("status").asString()).isEqualTo("disputed");
  }

  @Test
  void badSignaturesAnswer400AndStoreNothing() throws Exception {
    String session = checkout("starter");
    stripe.lineItems(session, "price_starter", 1);
    String payload =
        StripeStub.event(
            "checkout.session.completed",
            StripeStub.session(session, "paid", "pi_bad", 1000, Map.of()));
    long events = count("select count(*) from stripe_events where ? is not null");
    long transfers = count("select count(*) from credit_transfers where org_id = ?");

    String tampered = payload.replace("\"amount_total\":1000", "\"amount_total\":1");
    assertThat(send(tampered, StripeStub.signature(payload)).status()).isEqualTo(400);
    assertThat(
            send(
                    payload,
                    StripeStub.signature(payload, "whsec_wrong", Instant.now().getEpochSecond()))
                .status())
        .isEqualTo(400);
    assertThat(
            send(
                    payload,
                    StripeStub.signature(
                        payload, StripeStub.WEBHOOK_SECRET, Instant.now().getEpochSecond() - 3600))
                .status())
        .isEqualTo(400);
    String reserialized =
        Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Api.JSON.readTree(payload));
    assertThat(send(reserialized, StripeStub.signature(payload)).status()).isEqualTo(400);
    Api.Response unsigned = send(payload, "");
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.text("type")).endsWith("/invalid-webhook-signature");

    assertThat(count("select count(*) from stripe_events where ? is not null")).isEqualTo(events);
    assertThat(count("select count(*) from credit_transfers where org_id = ?"))
        .isEqualTo(transfers);
    assertThat(balance()).isZero();
  }

  private String checkout(String pack) {
    String session = stripe.nextSession();
    Api.Response r =
        api.post(
            "/api/v1/orgs/" + org + "/credits/checkout", owner.accessToken(), Map.of("pack", pack));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return session;
  }

  private Api.Response deliver(String payload) {
    return send(payload, StripeStub.signature(payload));
  }

  private Api.Response send(String payload, String signature) {
    return api.send(
        "POST", "/api/v1/webhooks/stripe", null, payload, Map.of("Stripe-Signature", signature));
  }

  private long balance() {
    return api.get("/api/v1/orgs/" + org + "/credits", owner.accessToken())
        .json()
        .get("balance")
        .asLong();
  }

  private List<JsonNode> purchases() {
    Api.Response r = api.get("/api/v1/orgs/" + org + "/credits/purchases", owner.accessToken());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.json().valueStream().toList();
  }

  private long count(String sql) {
    return JdbcClient.create(ownerDataSource).sql(sql).param(org).query(Long.class).single();
  }
}
