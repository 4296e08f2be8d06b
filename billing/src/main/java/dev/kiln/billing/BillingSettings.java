package dev.kiln.billing;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything about credits that is configuration, bound from {@code kiln.billing.*}.
 *
 * @param freeMonthlyCredits credits every org is granted once per calendar month (UTC)
 * @param holdTtl how long a hold reserves credits before it releases itself
 * @param prices credits per operation
 * @param packs credit packs by id, each mapped to a Stripe price
 * @param stripe Stripe keys and URLs; no secret key means checkout is off
 */
@ConfigurationProperties("kiln.billing")
public record BillingSettings(
    @DefaultValue("100") long freeMonthlyCredits,
    @DefaultValue("2h") Duration holdTtl,
    @DefaultValue Prices prices,
    Map<String, Pack> packs,
    @DefaultValue Stripe stripe) {

  public BillingSettings {
    packs = packs == null ? Map.of() : Map.copyOf(packs);
  }

  /** Credits per operation. */
  public record Prices(
      @DefaultValue("10") long generation,
      @DefaultValue("2") long generationLlmPer1kTokens,
      @DefaultValue("1") long preview,
      @DefaultValue("5") long verifiedBuild,
      @DefaultValue("1") long pluginRun,
      @DefaultValue("1") long exportZip,
      @DefaultValue("3") long exportGithub,
      @DefaultValue("3") long exportVercel) {}

  /**
   * @param priceId the Stripe price this pack is sold at
   * @param credits credits granted per unit bought
   * @param label what the studio shows
   */
  public record Pack(String priceId, long credits, String label) {}

  /**
   * @param secretKey {@code STRIPE_SECRET_KEY}; blank turns checkout off
   * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}, the {@code whsec_...} signing secret
   * @param webhookTolerance how old a signed webhook may be
   * @param apiBase where the Stripe API is (changed only to point at a stub)
   * @param successUrl where Checkout returns after paying; {@code {org}} is replaced
   * @param cancelUrl where Checkout returns when abandoned; {@code {org}} is replaced
   */
  public record Stripe(
      String secretKey,
      String webhookSecret,
      @DefaultValue("5m") Duration webhookTolerance,
      @DefaultValue("https://api.stripe.com") String apiBase,
      @DefaultValue("http://localhost:8080/orgs/{org}/credits?checkout=success") String successUrl,
      @DefaultValue("http://localhost:8080/orgs/{org}/credits?checkout=cancelled")
          String cancelUrl) {

    public boolean configured() {
      return secretKey != null && !secretKey.isBlank();
    }
  }
}
