package dev.kiln.platform.credits;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.CreditRecords;
import dev.kiln.billing.ledger.TransferKind;
import dev.kiln.platform.identity.AdminEndpoint;
import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.tenancy.OrgDirectory;
import dev.kiln.platform.web.TextRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins grant credits to any org, with a reason (works without Stripe). */
@RestController
class AdminCreditsController {

  record Grant(
      @NotNull @Positive @Max(10_000_000) Long credits,
      @NotNull
          @Size(min = 3, max = 500)
          @Pattern(regexp = TextRules.NO_CONTROL, message = TextRules.NO_CONTROL_MESSAGE)
          String reason) {}

  private final CreditLedger ledger;
  private final OrgDirectory orgs;

  AdminCreditsController(CreditLedger ledger, OrgDirectory orgs) {
    this.ledger = ledger;
    this.orgs = orgs;
  }

  @AdminEndpoint
  @PostMapping("/api/v1/admin/orgs/{org}/credits/grants")
  @ResponseStatus(HttpStatus.CREATED)
  CreditRecords.Transfer grant(
      @PathVariable UUID org,
      @AuthenticationPrincipal CurrentUser admin,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody Grant request) {
    orgs.requireExists(org);
    String key = IdempotencyKeys.of("admin-grant", idempotencyKey);
    return ledger.grant(
        org,
        TransferKind.ADMIN_GRANT,
        request.credits(),
        request.reason() + " (by " + admin.email() + ")",
        null,
        key);
  }
}
