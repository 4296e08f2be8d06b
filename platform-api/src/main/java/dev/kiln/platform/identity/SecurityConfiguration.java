package dev.kiln.platform.identity;

import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every {@code /api/**} request is checked by Spring Security's OAuth2 resource server; a few paths
 * are public. Kiln's own tokens are verified against its keys; with {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} set, that issuer's tokens are accepted too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String EXTERNAL_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
  static final String EXTERNAL_AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, JwtDecoder decoder, TokenUsers users, ProblemSecurityHandlers handlers)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/auth/signup",
                        "/api/v1/auth/login",
                        "/api/v1/auth/refresh",
                        "/api/v1/auth/logout",
                        "/api/v1/webhooks/stripe")
                    .permitAll()
                    .requestMatchers(
                        "/.well-known/jwks.json",
                        "/api/docs",
                        "/api/docs/**",
                        "/api/v1/ws",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/prometheus",
                        "/error")
                    .permitAll()
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/**", "/actuator/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            rs ->
                rs.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(users))
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers))
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
    return http.build();
  }

  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, AuthSettings settings, Environment environment) {
    NimbusJwtDecoder local =
        NimbusJwtDecoder.withJwkSource(keys)
            .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256)
            .build();
    local.setJwtValidator(
        validators(
            settings.issuer(),
            new JwtTypeValidator(AccessTokens.TYPE.getType()),
            List.of(settings.audience())));
    String issuerUri = environment.getProperty(EXTERNAL_ISSUER);
    if (issuerUri == null || issuerUri.isBlank()) {
      return new KilnJwtDecoder(local, null, null);
    }
    List<String> audiences =
        Binder.get(environment)
            .bind(EXTERNAL_AUDIENCES, String[].class)
            .map(List::of)
            .orElse(List.of());
    JwtDecoder external =
        new SupplierJwtDecoder(
            () -> {
              NimbusJwtDecoder d = JwtDecoders.fromIssuerLocation(issuerUri);
              JwtTypeValidator type = new JwtTypeValidator("JWT", AccessTokens.TYPE.getType());
              type.setAllowEmpty(true);
              d.setJwtValidator(validators(issuerUri, type, audiences));
              return d;
            });
    return new KilnJwtDecoder(local, issuerUri, external);
  }

  /** Time, issuer and type checks; an expiry is required, and the audience when given. */
  private static OAuth2TokenValidator<Jwt> validators(
      String issuer, JwtTypeValidator type, List<String> audiences) {
    OAuth2TokenValidator<Jwt> hasExpiry =
        new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null);
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD,
            aud ->
                audiences.isEmpty() || (aud != null && aud.stream().anyMatch(audiences::contains)));
    return new DelegatingOAuth2TokenValidator<>(
        new JwtTimestampValidator(), new JwtIssuerValidator(issuer), type, hasExpiry, audience);
  }

  @Bean
  PasswordEncoder passwordEncoder(AuthSettings settings) {
    return new BCryptPasswordEncoder(settings.bcryptStrength());
  }
}
