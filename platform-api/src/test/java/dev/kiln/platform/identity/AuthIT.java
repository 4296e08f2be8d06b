package dev.kiln.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@KilnIntegrationTest
@TestPropertySource(
    properties = {"kiln.admin.email=Root@Example.com", "kiln.admin.password=admin-password-1"})
class AuthIT {

  @LocalServerPort int port;
  Api api;
  KilnFixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new KilnFixtures(api);
  }

  @Test
  void signUpNormalizesTheEmailAndGivesAPersonalOrg() {
    Api.Response r =
        api.post(
            "/api/v1/auth/signup",
            null,
            Map.of(
                "email",
                "  Ada.Lovelace@Example.COM ",
                "password",
                KilnFixtures.PASSWORD,
                "name",
                "Ada"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("user").get("email").asString()).isEqualTo("ada.lovelace@example.com");
    assertThat(r.text("tokenType")).isEqualTo("Bearer");

    Api.Response me = api.get("/api/v1/me", r.text("accessToken"));
    assertThat(me.json().get("orgs")).hasSize(1);
    assertThat(me.json().get("orgs").get(0).get("role").asString()).isEqualTo("owner");
    assertThat(me.json().get("admin").asBoolean()).isFalse();

    Api.Response login =
        api.post(
            "/api/v1/auth/login",
            null,
            Map.of("email", "ADA.LOVELACE@example.com", "password", KilnFixtures.PASSWORD));
    assertThat(login.status()).isEqualTo(200);
  }

  @Test
  void aDuplicateEmailAnswers409() {
    KilnFixtures.TestUser user = fixtures.signUp("Dup");
    Api.Response again =
        api.post(
            "/api/v1/auth/signup",
            null,
            Map.of(
                "email",
                user.email().toUpperCase(),
                "password",
                KilnFixtures.PASSWORD,
                "name",
                "Dup"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("type")).isEqualTo("https://kiln.dev/problems/email-taken");
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailLookTheSame() {
    KilnFixtures.TestUser user = fixtures.signUp("Same");
    Api.Response wrongPassword =
        api.post(
            "/api/v1/auth/login",
            null,
            Map.of("email", user.email(), "password", "wrong-password!"));
    Api.Response unknownEmail =
        api.post(
            "/api/v1/auth/login",
            null,
            Map.of("email", "nobody@example.com", "password", "wrong-password!"));
    assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownEmail.status());
    assertThat(withoutInstance(wrongPassword)).isEqualTo(withoutInstance(unknownEmail));
  }

  @Test
  void accessTokensAreShortLivedRs256WithKidIssuerAudienceAndType() throws Exception {
    KilnFixtures.TestUser user = fixtures.signUp("Claims");
    SignedJWT jwt = SignedJWT.parse(user.accessToken());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
    assertThat(jwt.getHeader().getKeyID()).isNotBlank();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("kiln");
    assertThat(claims.getAudience()).containsExactly("kiln-api");
    assertThat(claims.getSubject()).isEqualTo(user.id().toString());
    Duration lifetime =
        Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
    assertThat(lifetime).isLessThanOrEqualTo(Duration.ofMinutes(15)).isPositive();
    assertThat(claims.getExpirationTime()).isAfter(new Date());

    Api.Response jwks = api.get("/.well-known/jwks.json", null);
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.raw()).contains(jwt.getHeader().getKeyID()).doesNotContain("\"d\"");
  }

  @Test
  void refreshRotatesAndAReusedTokenRevokesTheWholeFamily() {
    KilnFixtures.TestUser user = fixtures.signUp("Rotate");
    Api.Response first = refresh(user.refreshToken());
    assertThat(first.status()).isEqualTo(200);
    String second = first.text("refreshToken");
    assertThat(second).isNotEqualTo(user.refreshToken());
    assertThat(api.get("/api/v1/me", first.text("accessToken")).status()).isEqualTo(200);

    Api.Response reuse = refresh(user.refreshToken());
    assertThat(reuse.status()).isEqualTo(401);
    assertThat(reuse.text("type")).isEqualTo("https://kiln.dev/problems/invalid-refresh-token");
    assertThat(reuse.text("detail")).contains("already used");

    Api.Response afterRevocation = refresh(second);
    assertThat(afterRevocation.status()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSessionAndIsIdempotent() {
    KilnFixtures.TestUser user = fixtures.signUp("Bye");
    Api.Response out =
        api.post("/api/v1/auth/logout", null, Map.of("refreshToken", user.refreshToken()));
    assertThat(out.status()).isEqualTo(204);
    assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
    assertThat(api.post("/api/v1/auth/logout", null, Map.of("refreshToken", "unknown")).status())
        .isEqualTo(204);
  }

  @Test
  void theConfiguredAdminExistsAndCanRotateKeysWithoutBreakingLiveTokens() throws Exception {
    Api.Response login =
        api.post(
            "/api/v1/auth/login",
            null,
            Map.of("email", "root@example.com", "password", "admin-password-1"));
    assertThat(login.status()).as(login.raw()).isEqualTo(200);
    String adminToken = login.text("accessToken");
    assertThat(api.get("/api/v1/me", adminToken).json().get("admin").asBoolean()).isTrue();

    KilnFixtures.TestUser user = fixtures.signUp("Before Rotation");
    String oldKid = SignedJWT.parse(user.accessToken()).getHeader().getKeyID();

    Api.Response refused = api.post("/api/v1/admin/signing-keys/rotate", user.accessToken(), null);
    assertThat(refused.status()).isEqualTo(403);

    Api.Response rotated = api.post("/api/v1/admin/signing-keys/rotate", adminToken, null);
    assertThat(rotated.status()).isEqualTo(201);
    String newKid = rotated.text("kid");
    assertThat(newKid).isNotEqualTo(oldKid);

    assertThat(api.get("/api/v1/me", user.accessToken()).status()).isEqualTo(200);
    KilnFixtures.TestUser after = fixtures.signUp("After Rotation");
    assertThat(SignedJWT.parse(after.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
    assertThat(api.get("/.well-known/jwks.json", null).raw()).contains(oldKid).contains(newKid);
  }

  private Api.Response refresh(String token) {
    return api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", token));
  }

  private static Map<String, Object> withoutInstance(Api.Response r) {
    Map<String, Object> body = Api.JSON.convertValue(r.json(), Map.class);
    body.remove("instance");
    return body;
  }
}
