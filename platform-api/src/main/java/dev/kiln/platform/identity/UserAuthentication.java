package dev.kiln.platform.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token resolved to a Kiln user; its principal is the {@link CurrentUser}. */
final class UserAuthentication extends AbstractAuthenticationToken {

  private final CurrentUser user;
  private final transient Jwt jwt;

  UserAuthentication(CurrentUser user, Jwt jwt) {
    super(
        user.admin()
            ? List.of(
                new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
            : List.of(new SimpleGrantedAuthority("ROLE_USER")));
    this.user = user;
    this.jwt = jwt;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return jwt;
  }

  @Override
  public CurrentUser getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user.id().toString();
  }
}
