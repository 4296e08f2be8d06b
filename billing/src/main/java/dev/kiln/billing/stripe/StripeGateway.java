package dev.kiln.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.LineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.kiln.billing.BillingSettings;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The Stripe calls Kiln makes, through stripe-java. Never called inside a transaction. */
@Component
class StripeGateway {

  private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);
  private static final int NETWORK_RETRIES = 2;

  /** A created Checkout Session. */
  record CreatedSession(String id, String url) {}

  /** One line of a session: which price, how many. */
  record Line(String priceId, long quantity) {}

  private final BillingSettings.Stripe settings;
  private volatile StripeClient client;

  StripeGateway(BillingSettings settings) {
    this.settings = settings.stripe();
  }

  CreatedSession createSession(String orgId, String packId, String priceId, String idempotencyKey) {
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .addLineItem(
                SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
            .setClientReferenceId(orgId)
            .putMetadata("kiln_org", orgId)
            .putMetadata("kiln_pack", packId)
            .setSuccessUrl(
                settings.successUrl().replace("{org}", orgId) + "&session_id={CHECKOUT_SESSION_ID}")
            .setCancelUrl(settings.cancelUrl().replace("{org}", orgId))
            .build();
    try {
      Session session =
          client()
              .v1()
              .checkout()
              .sessions()
              .create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
      return new CreatedSession(session.getId(), session.getUrl());
    } catch (StripeException e) {
      log.warn("Stripe refused to create a Checkout Session: {}", e.getMessage());
      throw new StripeProblems.StripeUnavailable();
    }
  }

  List<Line> lineItems(String sessionId) {
    try {
      List<Line> lines = new ArrayList<>();
      for (LineItem item :
          client().v1().checkout().sessions().lineItems().list(sessionId).autoPagingIterable()) {
        if (item.getPrice() != null && item.getQuantity() != null) {
          lines.add(new Line(item.getPrice().getId(), item.getQuantity()));
        }
      }
      return lines;
    } catch (StripeException e) {
      log.warn("Could not read the line items of {}: {}", sessionId, e.getMessage());
      throw new StripeProblems.StripeUnavailable();
    }
  }

  /** The receipt link of a payment, or null when Stripe does not give one. */
  String receiptUrl(String paymentIntentId) {
    if (paymentIntentId == null) {
      return null;
    }
    try {
      PaymentIntent intent =
          client()
              .v1()
              .paymentIntents()
              .retrieve(
                  paymentIntentId,
                  PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
      Charge charge = intent.getLatestChargeObject();
      return charge == null ? null : charge.getReceiptUrl();
    } catch (StripeException e) {
      log.warn("No receipt link for {}: {}", paymentIntentId, e.getMessage());
      return null;
    }
  }

  private StripeClient client() {
    if (!settings.configured()) {
      throw new StripeProblems.PaymentsNotConfigured();
    }
    StripeClient c = client;
    if (c == null) {
      c =
          StripeClient.builder()
              .setApiKey(settings.secretKey())
              .setApiBase(settings.apiBase())
              .setMaxNetworkRetries(NETWORK_RETRIES)
              .build();
      client = c;
    }
    return c;
  }
}
