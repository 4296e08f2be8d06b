package dev.kiln.platform.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The credits API without Stripe keys: reading, estimating, capping, and admin grants. */
@KilnIntegrationTest
@TestPropertySource(
    properties = {
      "kiln.admin.email=credits-admin@example.com",
      "kiln.admin.password=credits-admin-pw",
      "kiln.billing.free-monthly-credits=100",
      "kiln.billing.prices.verified-build=7"
    })
class CreditsApiIT {

  @LocalServerPort int port;
  Api api;
  KilnFixtures fixtures;
  TestUser owner;
  TestUser viewer;
  UUID org;
  String base;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    owner = fixtures.signUp("Credits Owner");
    viewer = fixtures.signUp("Credits Viewer");
    org = fixtures.createOrg(owner, "Metered");
    fixtures.join(owner, org, viewer, "viewer");
    base = "/api/v1/orgs/" + org + "/credits";
  }

  @Test
  void membersReadTheBalanceWithTheFreeQuota() {
    Api.Response r = api.get(base, viewer.accessToken());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("balance").asLong()).isEqualTo(100);
    assertThat(r.json().get("available").asLong()).isEqualTo(100);
    assertThat(r.json().get("held").asLong()).isZero();
    assertThat(r.json().get("freeQuotaLeft").asLong()).isEqualTo(100);
    assertThat(r.json().get("monthlyCap").isNull()).isTrue();
    Api.Response ledger = api.get(base + "/ledger", viewer.accessToken());
    assertThat(ledger.json().get("entries").get(0).get("type").asString()).isEqualTo("free-grant");
    assertThat(ledger.json().get("entries").get(0).get("reason").asString())
        .startsWith("free credits for ");
  }

  @Test
  void estimatesComeFromConfiguredPrices() {
    Api.Response build = api.get(base + "/estimate?operation=verified-build", viewer.accessToken());
    assertThat(build.json().get("credits").asLong()).isEqualTo(7);
    Api.Response llm =
        api.get(base + "/estimate?operation=generation-llm&units=12", viewer.accessToken());
    assertThat(llm.json().get("credits").asLong()).isEqualTo(24);
    Api.Response unknown = api.get(base + "/estimate?operation=mining", viewer.accessToken());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.raw()).contains("verified-build");
    assertThat(api.get(base + "/estimate", viewer.accessToken()).status()).isEqualTo(400);
  }

  @Test
  void onlyOwnersSetTheCapAndSeePurchases() {
    assertThat(api.put(base + "/cap", viewer.accessToken(), Map.of("monthlyCap", 10)).status())
        .isEqualTo(403);
    assertThat(api.get(base + "/purchases", viewer.accessToken()).status()).isEqualTo(403);
    Api.Response capped = api.put(base + "/cap", owner.accessToken(), Map.of("monthlyCap", 40));
    assertThat(capped.status()).isEqualTo(200);
    assertThat(capped.json().get("monthlyCap").asLong()).isEqualTo(40);
    assertThat(api.put(base + "/cap", owner.accessToken(), Map.of("monthlyCap", -1)).status())
        .isEqualTo(400);
    Map<String, Object> clear = new HashMap<>();
    clear.put("monthlyCap", null);
    assertThat(api.put(base + "/cap", owner.accessToken(), clear).json().get("monthlyCap").isNull())
        .isTrue();
    assertThat(api.get(base + "/purchases", owner.accessToken()).json()).isEmpty();
  }

  @Test
  void withoutStripeKeysCheckoutIs503AndAdminsStillGrantCredits() {
    Api.Response checkout =
        api.post(base + "/checkout", owner.accessToken(), Map.of("pack", "starter"));
    assertThat(checkout.status()).isEqualTo(503);
    assertThat(checkout.text("type")).endsWith("/payments-not-configured");
    assertThat(checkout.text("detail")).contains("not configured");
    assertThat(
            api.get(base + "/packs", viewer.accessToken())
                .json()
                .get("paymentsConfigured")
                .asBoolean())
        .isFalse();

    String admin = fixtures.logIn("credits-admin@example.com", "credits-admin-pw");
    Map<String, Object> grant = Map.of("credits", 250, "reason", "launch partner");
    Api.Response granted =
        api.send(
            "POST",
            "/api/v1/admin/orgs/" + org + "/credits/grants",
            admin,
            grant,
            Map.of("Idempotency-Key", "partner-2026-11"));
    assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
    Api.Response again =
        api.send(
            "POST",
            "/api/v1/admin/orgs/" + org + "/credits/grants",
            admin,
            grant,
            Map.of("Idempotency-Key", "partner-2026-11"));
    assertThat(again.text("id")).isEqualTo(granted.text("id"));
    assertThat(api.get(base, owner.accessToken()).json().get("balance").asLong()).isEqualTo(350);
    assertThat(
            api.get(base + "/ledger", owner.accessToken())
                .json()
                .get("entries")
                .get(0)
                .get("reason")
                .asString())
        .contains("launch partner")
        .contains("credits-admin@example.com");

    assertThat(
            api.post("/api/v1/admin/orgs/" + org + "/credits/grants", owner.accessToken(), grant)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/v1/admin/orgs/" + UUID.randomUUID() + "/credits/grants", admin, grant)
                .status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/admin/orgs/" + org + "/credits/grants",
                    admin,
                    Map.of("credits", 0, "reason", "zero"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void theLedgerIsPagedNewestFirst() {
    String admin = fixtures.logIn("credits-admin@example.com", "credits-admin-pw");
    for (int i = 1; i <= 3; i++) {
      api.post(
          "/api/v1/admin/orgs/" + org + "/credits/grants",
          admin,
          Map.of("credits", i, "reason", "grant " + i));
    }
    Api.Response first = api.get(base + "/ledger?size=2", owner.accessToken());
    assertThat(first.json().get("hasMore").asBoolean()).isTrue();
    assertThat(first.json().get("entries").get(0).get("reason").asString()).startsWith("grant 3");
    assertThat(first.json().get("entries").get(0).get("credits").asLong()).isEqualTo(3);
    Api.Response second = api.get(base + "/ledger?size=2&page=1", owner.accessToken());
    assertThat(second.json().get("entries").get(0).get("reason").asString()).startsWith("grant 1");
    assertThat(second.json().get("hasMore").asBoolean()).as(second.raw()).isFalse();
    Api.Response tooBig = api.get(base + "/ledger?size=1000", owner.accessToken());
    assertThat(tooBig.status()).as(tooBig.raw()).isEqualTo(400);
    assertThat(tooBig.raw()).contains("\"field\":\"size\"");
  }
}
