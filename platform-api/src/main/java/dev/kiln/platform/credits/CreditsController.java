package dev.kiln.platform.credits;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.CreditRecords;
import dev.kiln.billing.pricing.Operation;
import dev.kiln.billing.pricing.Pricing;
import dev.kiln.billing.stripe.CreditCheckout;
import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.tenancy.RequiresRole;
import dev.kiln.platform.tenancy.Role;
import dev.kiln.platform.web.FieldInvalid;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orgs/{org}/credits}: members read; owners buy, cap and see purchases. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/credits")
class CreditsController {

  record Checkout(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String pack) {}

  record CheckoutUrl(String url) {}

  record Cap(@PositiveOrZero Long monthlyCap) {}

  record Estimate(String operation, long units, long credits) {}

  record Offers(boolean paymentsConfigured, List<CreditCheckout.PackOffer> packs) {}

  private final CreditLedger ledger;
  private final Pricing pricing;
  private final CreditCheckout checkout;

  CreditsController(CreditLedger ledger, Pricing pricing, CreditCheckout checkout) {
    this.ledger = ledger;
    this.pricing = pricing;
    this.checkout = checkout;
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping
  CreditRecords.Balance balance(@PathVariable UUID org) {
    return ledger.balance(org);
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/ledger")
  CreditRecords.LedgerPage ledger(
      @PathVariable UUID org,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return ledger.ledger(org, page, size);
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/estimate")
  Estimate estimate(
      @PathVariable UUID org,
      @RequestParam String operation,
      @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) long units) {
    Operation op =
        Operation.fromId(operation)
            .orElseThrow(
                () ->
                    new FieldInvalid(
                        "operation",
                        "must be one of "
                            + Arrays.stream(Operation.values()).map(Operation::id).toList()));
    return new Estimate(op.id(), units, pricing.estimate(op, units));
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/packs")
  Offers packs(@PathVariable UUID org) {
    return new Offers(checkout.paymentsConfigured(), checkout.packs());
  }

  @RequiresRole(Role.OWNER)
  @PostMapping("/checkout")
  CheckoutUrl checkout(
      @PathVariable UUID org,
      @AuthenticationPrincipal CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody Checkout request) {
    String key = IdempotencyKeys.of("checkout:" + org, idempotencyKey);
    return new CheckoutUrl(checkout.checkout(org, user.id(), request.pack(), key));
  }

  @RequiresRole(Role.OWNER)
  @PutMapping("/cap")
  CreditRecords.Balance cap(@PathVariable UUID org, @Valid @RequestBody Cap request) {
    return ledger.setMonthlyCap(org, request.monthlyCap());
  }

  @RequiresRole(Role.OWNER)
  @GetMapping("/purchases")
  List<CreditCheckout.Purchase> purchases(@PathVariable UUID org) {
    return checkout.purchases(org);
  }
}
