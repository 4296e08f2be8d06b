package dev.kiln.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Users, orgs and memberships made through the public API, as a client would. */
public final class KilnFixtures {

  public static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger USERS = new AtomicInteger();

  /** A signed-up user: tokens and the personal org. */
  public record TestUser(
      UUID id, String email, String accessToken, String refreshToken, UUID personalOrg) {}

  private final Api api;

  public KilnFixtures(Api api) {
    this.api = api;
  }

  public TestUser signUp(String name) {
    String email =
        name.toLowerCase().replaceAll("[^a-z0-9]", "")
            + "-"
            + USERS.incrementAndGet()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@example.com";
    Api.Response r =
        api.post(
            "/api/v1/auth/signup",
            null,
            Map.of("email", email, "password", PASSWORD, "name", name));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    String token = r.text("accessToken");
    Api.Response me = api.get("/api/v1/me", token);
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    return new TestUser(
        UUID.fromString(me.text("id")),
        email,
        token,
        r.text("refreshToken"),
        UUID.fromString(me.json().get("orgs").get(0).get("id").asString()));
  }

  /** Logs in and returns the access token. */
  public String logIn(String email, String password) {
    Api.Response r =
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.text("accessToken");
  }

  public UUID createOrg(TestUser owner, String name) {
    Api.Response r = api.post("/api/v1/orgs", owner.accessToken(), Map.of("name", name));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return UUID.fromString(r.text("id"));
  }

  /** Invites {@code member} into {@code org} with {@code role}, and accepts as them. */
  public void join(TestUser owner, UUID org, TestUser member, String role) {
    String token = invite(owner, org, member.email(), role);
    Api.Response accepted =
        api.post("/api/v1/invitations/" + token + "/accept", member.accessToken(), null);
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
  }

  /** Returns the invitation token. */
  public String invite(TestUser owner, UUID org, String email, String role) {
    Api.Response r =
        api.post(
            "/api/v1/orgs/" + org + "/invitations",
            owner.accessToken(),
            Map.of("email", email, "role", role));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.text("token");
  }
}
