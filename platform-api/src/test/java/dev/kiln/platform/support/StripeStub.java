package dev.kiln.platform.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for the Stripe API speaking its wire format (form-encoded requests, JSON
 * objects), and a sender of webhook events signed as Stripe signs them.
 */
public final class StripeStub {

  public static final String SECRET_KEY = "sk_test_kiln_stub";
  public static final String WEBHOOK_SECRET = "whsec_kiln_test_secret";

  private static final AtomicInteger IDS = new AtomicInteger();

  public final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  public StripeStub start() {
    server.start();
    return this;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** The next Checkout Session Stripe will create; returns its id. */
  public String nextSession() {
    String id = "cs_test_" + IDS.incrementAndGet();
    server.stubFor(
        post(urlPathEqualTo("/v1/checkout/sessions"))
            .willReturn(
                okJson(
                    json(
                        Map.of(
                            "id", id,
                            "object", "checkout.session",
                            "mode", "payment",
                            "status", "open",
                            "payment_status", "unpaid",
                            "url", "https://checkout.stripe.com/c/pay/" + id)))));
    return id;
  }

  /** What the session's line items are (price id, quantity). */
  public void lineItems(String sessionId, String priceId, long quantity) {
    server.stubFor(
        get(urlPathEqualTo("/v1/checkout/sessions/" + sessionId + "/line_items"))
            .willReturn(
                okJson(
                    json(
                        Map.of(
                            "object",
                            "list",
                            "url",
                            "/v1/checkout/sessions/" + sessionId + "/line_items",
                            "has_more",
                            false,
                            "data",
                            List.of(
                                Map.of(
                                    "id",
                                    "li_" + IDS.incrementAndGet(),
                                    "object",
                                    "item",
                                    "quantity",
                                    quantity,
                                    "price",
                                    Map.of("id", priceId, "object", "price"))))))));
  }

  public void paymentIntent(String paymentIntent, String receiptUrl) {
    server.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/" + paymentIntent))
            .withQueryParam("expand[0]", equalTo("latest_charge"))
            .willReturn(
                okJson(
                    json(
                        Map.of(
                            "id",
                            paymentIntent,
                            "object",
                            "payment_intent",
                            "latest_charge",
                            Map.of(
                                "id",
                                "ch_for_" + paymentIntent,
                                "object",
                                "charge",
                                "receipt_url",
                                receiptUrl))))));
  }

  /** An event as Stripe sends it, around {@code object}. */
  public static String event(String type, Map<String, Object> object) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", "evt_" + IDS.incrementAndGet());
    event.put("object", "event");
    event.put("api_version", Stripe.API_VERSION);
    event.put("created", Instant.now().getEpochSecond());
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("type", type);
    event.put("data", Map.of("object", object));
    return json(event);
  }

  public static Map<String, Object> session(
      String id,
      String paymentStatus,
      String paymentIntent,
      long amountTotal,
      Map<String, String> metadata) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("id", id);
    session.put("object", "checkout.session");
    session.put("mode", "payment");
    session.put("status", "complete");
    session.put("payment_status", paymentStatus);
    session.put("payment_intent", paymentIntent);
    session.put("amount_total", amountTotal);
    session.put("currency", "usd");
    session.put("metadata", metadata);
    return session;
  }

  public static Map<String, Object> charge(
      String id, String paymentIntent, long amount, long amountRefunded) {
    return Map.of(
        "id", id,
        "object", "charge",
        "payment_intent", paymentIntent,
        "amount", amount,
        "amount_refunded", amountRefunded,
        "refunded", amountRefunded >= amount);
  }

  public static Map<String, Object> dispute(String id, String charge, String paymentIntent) {
    return Map.of(
        "id",
        id,
        "object",
        "dispute",
        "charge",
        charge,
        "payment_intent",
        paymentIntent,
        "amount",
        1000,
        "status",
        "needs_response");
  }

  /** The Stripe-Signature header for {@code payload}, signed at {@code timestamp}. */
  public static String signature(String payload, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String signature(String payload) {
    return signature(payload, WEBHOOK_SECRET, Instant.now().getEpochSecond());
  }

  private static String json(Object value) {
    return Api.JSON.writeValueAsString(value);
  }
}
