package dev.kiln.platform.tenancy;

import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.identity.Emails;
import dev.kiln.platform.web.TextRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations: owners create, list and revoke them; the invitee accepts with the token. */
@RestController
class InvitationController {

  record Invite(
      @NotNull @Pattern(regexp = TextRules.EMAIL, message = TextRules.EMAIL_MESSAGE) String email,
      @NotNull Role role) {
    Invite {
      email = Emails.normalize(email);
    }
  }

  private final Invitations invitations;

  InvitationController(Invitations invitations) {
    this.invitations = invitations;
  }

  @RequiresRole(Role.OWNER)
  @PostMapping("/api/v1/orgs/{org}/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  Invitations.Created invite(
      @PathVariable UUID org,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @RequestBody Invite request) {
    return invitations.invite(org, user.id(), request.email(), request.role());
  }

  @RequiresRole(Role.OWNER)
  @GetMapping("/api/v1/orgs/{org}/invitations")
  List<Invitations.Pending> pending(@PathVariable UUID org) {
    return invitations.pending(org);
  }

  @RequiresRole(Role.OWNER)
  @DeleteMapping("/api/v1/orgs/{org}/invitations/{invitation}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable UUID org, @PathVariable UUID invitation) {
    invitations.revoke(org, invitation);
  }

  @PostMapping("/api/v1/invitations/{token}/accept")
  Invitations.Accepted accept(
      @PathVariable String token, @AuthenticationPrincipal CurrentUser user) {
    if (token.length() > 256) {
      throw new TenancyProblems.InvitationNotFound();
    }
    return invitations.accept(token, user);
  }
}
