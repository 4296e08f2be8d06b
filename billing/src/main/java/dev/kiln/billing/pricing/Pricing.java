package dev.kiln.billing.pricing;

import dev.kiln.billing.BillingSettings;
import org.springframework.stereotype.Component;

/** Credits per operation, as configured. */
@Component
public class Pricing {

  private final BillingSettings.Prices prices;

  public Pricing(BillingSettings settings) {
    this.prices = settings.prices();
  }

  /**
   * What an operation costs. {@code units} counts thousands of tokens for {@link
   * Operation#GENERATION_LLM} and is ignored otherwise; at least 1.
   */
  public long estimate(Operation operation, long units) {
    long n = Math.max(1, units);
    return switch (operation) {
      case GENERATION -> prices.generation();
      case GENERATION_LLM -> Math.multiplyExact(prices.generationLlmPer1kTokens(), n);
      case PREVIEW -> prices.preview();
      case VERIFIED_BUILD -> prices.verifiedBuild();
      case PLUGIN_RUN -> prices.pluginRun();
      case EXPORT_ZIP -> prices.exportZip();
      case EXPORT_GITHUB -> prices.exportGithub();
      case EXPORT_VERCEL -> prices.exportVercel();
    };
  }
}
