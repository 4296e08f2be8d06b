package dev.kiln.platform.identity;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Routes a token to the decoder of its issuer: the configured external issuer's, or Kiln's own.
 * Each decoder verifies signature, algorithm, type, issuer, audience and time on its own, so the
 * unverified {@code iss} read here only picks which checks apply.
 */
final class KilnJwtDecoder implements JwtDecoder {

  private final JwtDecoder local;
  private final String externalIssuer;
  private final JwtDecoder external;

  KilnJwtDecoder(JwtDecoder local, String externalIssuer, JwtDecoder external) {
    this.local = local;
    this.externalIssuer = externalIssuer;
    this.external = external;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    if (external != null && externalIssuer.equals(unverifiedIssuer(token))) {
      return external.decode(token);
    }
    return local.decode(token);
  }

  private static String unverifiedIssuer(String token) {
    try {
      return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw new BadJwtException("Malformed token");
    }
  }
}
