package dev.kiln.platform.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An external OpenID issuer (a local stub serving its discovery document and its own JWKS) is
 * accepted beside Kiln's own tokens; its users are created on first sight.
 */
@KilnIntegrationTest
class ExternalIssuerIT {

  static final WireMockServer idp =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final RSAKey idpKey;

  static {
    try {
      idpKey = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
    idp.start();
    idp.stubFor(
        get("/.well-known/openid-configuration")
            .willReturn(
                okJson(
                    Api.JSON.writeValueAsString(
                        Map.of(
                            "issuer",
                            idp.baseUrl(),
                            "jwks_uri",
                            idp.baseUrl() + "/jwks",
                            "subject_types_supported",
                            new String[] {"public"},
                            "response_types_supported",
                            new String[] {"code"},
                            "id_token_signing_alg_values_supported",
                            new String[] {"RS256"})))));
    idp.stubFor(get("/jwks").willReturn(okJson(new JWKSet(idpKey.toPublicJWK()).toString())));
  }

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::baseUrl);
    registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "kiln-external");
  }

  @AfterAll
  static void stop() {
    idp.stop();
  }

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void anExternalUserIsProvisionedWithAPersonalOrgAndRecognizedAfterwards() {
    String token = idpToken("idp-user-42", "Grace@Example.com", "kiln-external", idpKey);
    Api.Response me = api.get("/api/v1/me", token);
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    assertThat(me.text("email")).isEqualTo("grace@example.com");
    assertThat(me.json().get("orgs")).hasSize(1);

    Api.Response again =
        api.get(
            "/api/v1/me", idpToken("idp-user-42", "grace@example.com", "kiln-external", idpKey));
    assertThat(again.text("id")).isEqualTo(me.text("id"));

    Api.Response org = api.post("/api/v1/orgs", token, Map.of("name", "Grace Labs"));
    assertThat(org.status()).isEqualTo(201);
  }

  @Test
  void externalTokensAreCheckedForAudienceAndSignature() throws Exception {
    assertThat(
            api.get("/api/v1/me", idpToken("idp-user-7", "x@example.com", "someone-else", idpKey))
                .status())
        .isEqualTo(401);
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(idpKey.getKeyID()).generate();
    assertThat(
            api.get(
                    "/api/v1/me",
                    idpToken("idp-user-7", "x@example.com", "kiln-external", impostor))
                .status())
        .isEqualTo(401);
  }

  @Test
  void kilnsOwnTokensStillWork() {
    KilnFixtures.TestUser local = new KilnFixtures(api).signUp("Local");
    assertThat(api.get("/api/v1/me", local.accessToken()).status()).isEqualTo(200);
  }

  private static String idpToken(String subject, String email, String audience, RSAKey key) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(idp.baseUrl())
            .subject(subject)
            .audience(audience)
            .claim("email", email)
            .claim("name", "Grace")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
