package dev.kiln.platform.tenancy;

import dev.kiln.platform.identity.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: the caller and the orgs they belong to. */
@RestController
class MeController {

  record Me(UUID id, String email, String name, boolean admin, List<Memberships.MyOrg> orgs) {}

  private final Organizations organizations;

  MeController(Organizations organizations) {
    this.organizations = organizations;
  }

  @GetMapping("/api/v1/me")
  Me me(@AuthenticationPrincipal CurrentUser user) {
    return new Me(
        user.id(), user.email(), user.name(), user.admin(), organizations.orgsOf(user.id()));
  }
}
