package dev.kiln.platform.identity;

import dev.kiln.platform.web.TextRules;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves a verified token to a Kiln user. Kiln's own tokens carry the user id as {@code sub}; an
 * external issuer's user is found by (issuer, subject) or created on first sight from its {@code
 * email} and {@code name} claims, with a personal org like any new user.
 */
@Component
class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

  private final Users users;
  private final AuthSettings settings;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  TokenUsers(
      Users users,
      AuthSettings settings,
      TransactionTemplate tx,
      ApplicationEventPublisher events) {
    this.users = users;
    this.settings = settings;
    this.tx = tx;
    this.events = events;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String issuer = jwt.getClaimAsString(JwtClaimNames.ISS);
    Users.User user = settings.issuer().equals(issuer) ? local(jwt) : external(issuer, jwt);
    return new UserAuthentication(user.current(), jwt);
  }

  private Users.User local(Jwt jwt) {
    UUID id;
    try {
      id = UUID.fromString(jwt.getSubject());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadJwtException("The token's subject is not a Kiln user id");
    }
    return users.byId(id).orElseThrow(() -> new BadJwtException("The token's user is gone"));
  }

  private Users.User external(String issuer, Jwt jwt) {
    String subject = jwt.getSubject();
    if (issuer == null || subject == null || subject.isBlank()) {
      throw new BadJwtException("The token has no issuer or subject");
    }
    return users
        .byExternalSubject(issuer, subject)
        .orElseGet(() -> provision(issuer, subject, jwt));
  }

  private Users.User provision(String issuer, String subject, Jwt jwt) {
    String email = Emails.normalize(jwt.getClaimAsString("email"));
    if (email == null || !email.matches(TextRules.EMAIL)) {
      throw new BadJwtException("The token has no usable email claim");
    }
    String name = jwt.getClaimAsString("name");
    if (name == null || !name.matches(TextRules.NAME)) {
      name = email.substring(0, email.indexOf('@')).replaceAll("[^\\p{L}\\p{N} ._\\-]", "");
      name = name.isEmpty() || !name.matches(TextRules.NAME) ? "User" : name;
    }
    String displayName = name;
    try {
      return tx.execute(
          status -> {
            Users.User user = users.insertExternal(issuer, subject, email, displayName);
            events.publishEvent(new UserSignedUp(user.id(), user.name()));
            return user;
          });
    } catch (DuplicateKeyException e) {
      return users
          .byExternalSubject(issuer, subject)
          .orElseThrow(() -> new BadJwtException("The token's email belongs to another account"));
    }
  }
}
