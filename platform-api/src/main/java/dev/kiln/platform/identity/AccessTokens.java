package dev.kiln.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues Kiln's RS256 access tokens ({@code typ: at+jwt}, with {@code kid}, {@code iss}, {@code
 * aud}).
 */
@Component
class AccessTokens {

  static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

  private final SigningKeys keys;
  private final AuthSettings settings;
  private final Clock clock;

  AccessTokens(SigningKeys keys, AuthSettings settings, Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  /** A signed access token for the user; never null. */
  String issue(Users.User user) {
    RSAKey key = keys.signingKey();
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(user.id().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
            .jwtID(UUID.randomUUID().toString())
            .claim("email", user.email())
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign an access token", e);
    }
    return jwt.serialize();
  }

  long ttlSeconds() {
    return settings.accessTokenTtl().toSeconds();
  }
}
