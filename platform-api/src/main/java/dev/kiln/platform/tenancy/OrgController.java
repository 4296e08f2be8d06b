package dev.kiln.platform.tenancy;

import dev.kiln.platform.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orgs}: orgs and their members. */
@RestController
@RequestMapping("/api/v1/orgs")
class OrgController {

  record OrgName(
      @NotNull @Pattern(regexp = TextRules.NAME, message = TextRules.NAME_MESSAGE) String name) {}

  record RoleChange(@NotNull Role role) {}

  private final Organizations organizations;

  OrgController(Organizations organizations) {
    this.organizations = organizations;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Organizations.Org create(
      @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody OrgName request) {
    return organizations.create(user.id(), request.name(), false);
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{org}")
  Organizations.Org get(@PathVariable UUID org) {
    return organizations.get(org, role());
  }

  @RequiresRole(Role.OWNER)
  @PatchMapping("/{org}")
  Organizations.Org rename(@PathVariable UUID org, @Valid @RequestBody OrgName request) {
    return organizations.rename(org, request.name(), role());
  }

  @RequiresRole(Role.VIEWER)
  @GetMapping("/{org}/members")
  List<Memberships.Member> members(@PathVariable UUID org) {
    return organizations.members(org);
  }

  @RequiresRole(Role.OWNER)
  @PatchMapping("/{org}/members/{user}")
  Memberships.Member changeRole(
      @PathVariable UUID org, @PathVariable UUID user, @Valid @RequestBody RoleChange request) {
    return organizations.changeRole(org, user, request.role());
  }

  /** Owners remove anyone; any member may remove themself (leave). */
  @RequiresRole(value = Role.OWNER, unlessSelf = "user")
  @DeleteMapping("/{org}/members/{user}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(@PathVariable UUID org, @PathVariable UUID user) {
    organizations.remove(org, user);
  }

  private static Role role() {
    return TenantContext.current().map(TenantContext.Scope::role).orElseThrow();
  }
}
