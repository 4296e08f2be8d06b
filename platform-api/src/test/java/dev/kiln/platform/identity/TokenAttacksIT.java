package dev.kiln.platform.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each forged or misused token answers 401; the same harness minting a proper token gets 200. */
@KilnIntegrationTest
class TokenAttacksIT {

  static WireMockServer attacker;
  static RSAKey attackerKey;

  @LocalServerPort int port;
  @Autowired SigningKeys keys;
  Api api;
  KilnFixtures.TestUser user;

  @BeforeAll
  static void startAttacker() throws Exception {
    attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
    attacker = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    attacker.start();
    attacker.stubFor(
        get("/jwks.json").willReturn(okJson(new JWKSet(attackerKey.toPublicJWK()).toString())));
  }

  @AfterAll
  static void stopAttacker() {
    attacker.stop();
  }

  @BeforeEach
  void setUp() {
    api = new Api(port);
    user = new KilnFixtures(api).signUp("Target");
  }

  @Test
  void aProperlyMintedTokenIsAccepted() {
    assertThat(
            status(sign(claims(c -> c), header(keys.signingKey().getKeyID()), keys.signingKey())))
        .isEqualTo(200);
  }

  @Test
  void algNone() {
    assertThat(status(new PlainJWT(claims(c -> c)).serialize())).isEqualTo(401);
  }

  @Test
  void hs256SignedWithThePublicKey() throws Exception {
    byte[] publicKey = keys.signingKey().toRSAPublicKey().getEncoded();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.signingKey().getKeyID())
                .type(new JOSEObjectType("at+jwt"))
                .build(),
            claims(c -> c));
    jwt.sign(new MACSigner(publicKey));
    assertThat(status(jwt.serialize())).isEqualTo(401);
  }

  @Test
  void unknownKid() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
    assertThat(status(sign(claims(c -> c), header(stranger.getKeyID()), stranger))).isEqualTo(401);
  }

  @Test
  void attackerSuppliedJkuIsNeverFetched() {
    for (String kid : new String[] {attackerKey.getKeyID(), keys.signingKey().getKeyID()}) {
      JWSHeader header =
          new JWSHeader.Builder(JWSAlgorithm.RS256)
              .keyID(kid)
              .type(new JOSEObjectType("at+jwt"))
              .jwkURL(URI.create(attacker.baseUrl() + "/jwks.json"))
              .build();
      assertThat(status(sign(claims(c -> c), header, attackerKey))).isEqualTo(401);
    }
    attacker.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void expired() {
    Instant past = Instant.now().minus(Duration.ofHours(1));
    String token =
        sign(
            claims(
                c ->
                    c.issueTime(Date.from(past))
                        .notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))),
            header(keys.signingKey().getKeyID()),
            keys.signingKey());
    assertThat(status(token)).isEqualTo(401);
  }

  @Test
  void notYetValid() {
    Instant future = Instant.now().plus(Duration.ofMinutes(10));
    String token =
        sign(
            claims(
                c ->
                    c.issueTime(Date.from(future))
                        .notBeforeTime(Date.from(future))
                        .expirationTime(Date.from(future.plus(Duration.ofMinutes(15))))),
            header(keys.signingKey().getKeyID()),
            keys.signingKey());
    assertThat(status(token)).isEqualTo(401);
  }

  @Test
  void wrongIssuer() {
    String token =
        sign(
            claims(c -> c.issuer("https://evil.example")),
            header(keys.signingKey().getKeyID()),
            keys.signingKey());
    assertThat(status(token)).isEqualTo(401);
  }

  @Test
  void wrongAudience() {
    String token =
        sign(
            claims(c -> c.audience("another-api")),
            header(keys.signingKey().getKeyID()),
            keys.signingKey());
    assertThat(status(token)).isEqualTo(401);
  }

  @Test
  void wrongType() {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(keys.signingKey().getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    assertThat(status(sign(claims(c -> c), header, keys.signingKey()))).isEqualTo(401);
  }

  @Test
  void aRefreshTokenUsedAsAnAccessToken() {
    assertThat(status(user.refreshToken())).isEqualTo(401);
    Api.Response r = api.get("/api/v1/me", user.refreshToken());
    assertThat(r.text("type")).isEqualTo("https://kiln.dev/problems/invalid-token");
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
  }

  private int status(String token) {
    return api.get("/api/v1/me", token).status();
  }

  private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer("kiln")
            .audience("kiln-api")
            .subject(user.id().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .jwtID(UUID.randomUUID().toString());
    return change.apply(builder).build();
  }

  private static JWSHeader header(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(kid)
        .type(new JOSEObjectType("at+jwt"))
        .build();
  }

  private static String sign(JWTClaimsSet claims, JWSHeader header, RSAKey key) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
