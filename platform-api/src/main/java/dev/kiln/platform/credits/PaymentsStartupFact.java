package dev.kiln.platform.credits;

import dev.kiln.billing.BillingSettings;
import dev.kiln.platform.runtime.StartupFact;
import org.springframework.stereotype.Component;

/** The payments row of the start-up table. */
@Component
class PaymentsStartupFact implements StartupFact {

  private final BillingSettings billing;

  PaymentsStartupFact(BillingSettings billing) {
    this.billing = billing;
  }

  @Override
  public String label() {
    return "payments";
  }

  @Override
  public String choice() {
    return billing.stripe().configured()
        ? "Stripe Checkout (" + billing.packs().size() + " credit packs)"
        : "off (STRIPE_SECRET_KEY unset; admins can grant credits)";
  }

  @Override
  public int order() {
    return 30;
  }
}
