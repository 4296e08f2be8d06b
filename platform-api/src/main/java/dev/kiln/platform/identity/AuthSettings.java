package dev.kiln.platform.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Kiln issues and checks tokens.
 *
 * @param issuer the {@code iss} of Kiln's own access tokens
 * @param audience the {@code aud} every access token must carry
 * @param accessTokenTtl lifetime of an access token; at most 15 minutes
 * @param refreshTokenTtl lifetime of a refresh token family member
 * @param bcryptStrength log2 rounds of the password hash
 * @param rateLimit sign-up and login attempts per client address
 */
@Validated
@ConfigurationProperties("kiln.auth")
record AuthSettings(
    @DefaultValue("kiln") @NotBlank String issuer,
    @DefaultValue("kiln-api") @NotBlank String audience,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("30d") Duration refreshTokenTtl,
    @DefaultValue("12") @Min(4) @Max(16) int bcryptStrength,
    @DefaultValue RateLimit rateLimit) {

  AuthSettings {
    if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0 || accessTokenTtl.isNegative()) {
      throw new IllegalArgumentException("kiln.auth.access-token-ttl must be at most 15 minutes");
    }
  }

  /**
   * @param capacity attempts allowed in a burst
   * @param period how long the bucket takes to refill completely
   */
  record RateLimit(@DefaultValue("20") int capacity, @DefaultValue("1m") Duration period) {}
}
