package dev.kiln.platform.credits;

import dev.kiln.billing.stripe.StripeWebhooks;
import dev.kiln.platform.identity.PublicEndpoint;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's webhook. The body is read raw: the signature covers its exact bytes. */
@RestController
class StripeWebhookController {

  record Received(boolean received) {}

  private final StripeWebhooks webhooks;

  StripeWebhookController(StripeWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  @PublicEndpoint
  @PostMapping(path = "/api/v1/webhooks/stripe", consumes = "*/*")
  ResponseEntity<Received> receive(
      @RequestHeader(name = "Stripe-Signature", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    webhooks.handle(payload, signature == null ? "" : signature);
    return ResponseEntity.ok(new Received(true));
  }
}
