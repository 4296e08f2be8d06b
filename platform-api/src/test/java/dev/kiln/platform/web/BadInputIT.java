package dev.kiln.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input of every kind answers a clear 4xx problem, never a stack trace, and stores nothing. */
@KilnIntegrationTest
class BadInputIT {

  static final List<String> INJECTIONS =
      List.of(
          "'; DROP TABLE users; --",
          "' OR '1'='1",
          "Robert'); DELETE FROM orgs;--",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "Evil\u0000Null",
          "Bell\u0007",
          "Right\u202Eto-left",
          "Zero\u200Bwidth",
          "line\nbreak",
          "${jndi:ldap://x/a}");

  static final List<String> BAD_EMAILS =
      List.of(
          "plainaddress",
          "@no-local.example.com",
          "a@b",
          "a b@example.com",
          "a@example..com",
          "<script>@example.com",
          "x@example.com\u0000",
          "x'--@example.com;",
          "a".repeat(250) + "@example.com");

  @LocalServerPort int port;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  Api api;
  TestUser owner;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    owner = new KilnFixtures(api).signUp("Careful Owner");
  }

  @Test
  void malformedJsonIsA400() {
    Map<String, Long> before = counts();
    for (String path : List.of("/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/orgs")) {
      for (String body :
          List.of("{\"name\":", "not json", "[1,2", "{\"name\":\"x\"} trailing", "")) {
        assertProblem(api.post(path, owner.accessToken(), body), 400);
      }
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anOversizedBodyIsA413WhetherDeclaredOrChunked() {
    Map<String, Long> before = counts();
    String huge = "{\"name\":\"" + "a".repeat(400_000) + "\"}";
    Api.Response declared = api.post("/api/v1/orgs", owner.accessToken(), huge);
    assertProblem(declared, 413);
    assertThat(declared.text("type")).endsWith("/body-too-large");

    Api.Response chunked =
        api.sendRaw(
            "POST",
            "/api/v1/orgs",
            owner.accessToken(),
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(huge.getBytes())),
            Map.of());
    assertProblem(chunked, 413);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void wrongTypesAndUnknownFieldsNameTheField() {
    Map<String, Long> before = counts();
    Api.Response wrongType =
        api.post(
            "/api/v1/auth/signup",
            null,
            Map.of("email", 5, "password", KilnFixtures.PASSWORD, "name", "X"));
    assertProblem(wrongType, 400);
    assertThat(wrongType.raw()).contains("\"field\":\"email\"");

    Api.Response wrongRole =
        api.post(
            "/api/v1/orgs/" + owner.personalOrg() + "/invitations",
            owner.accessToken(),
            Map.of("email", "ok@example.com", "role", "superuser"));
    assertProblem(wrongRole, 400);
    assertThat(wrongRole.raw()).contains("\"field\":\"role\"");

    Api.Response array =
        api.post("/api/v1/orgs", owner.accessToken(), Map.of("name", List.of("a")));
    assertProblem(array, 400);

    Map<String, Object> extra = new HashMap<>(Map.of("name", "Fine Name", "admin", true));
    Api.Response unknown = api.post("/api/v1/orgs", owner.accessToken(), extra);
    assertProblem(unknown, 400);
    assertThat(unknown.raw()).contains("\"field\":\"admin\"");

    Api.Response missing = api.post("/api/v1/orgs", owner.accessToken(), Map.of());
    assertProblem(missing, 400);
    assertThat(missing.raw()).contains("\"field\":\"name\"");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void invalidEmailsAreRefusedEverywhere() {
    Map<String, Long> before = counts();
    for (String email : BAD_EMAILS) {
      Api.Response signUp =
          api.post(
              "/api/v1/auth/signup",
              null,
              Map.of("email", email, "password", KilnFixtures.PASSWORD, "name", "Eve"));
      assertProblem(signUp, 400);
      assertThat(signUp.raw()).as(email).contains("\"field\":\"email\"");
      Api.Response invite =
          api.post(
              "/api/v1/orgs/" + owner.personalOrg() + "/invitations",
              owner.accessToken(),
              Map.of("email", email, "role", "viewer"));
      assertProblem(invite, 400);
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void veryLongNamesAreRefused() {
    Map<String, Long> before = counts();
    for (String name : List.of("a".repeat(101), "b".repeat(10_000), "", " leading space")) {
      assertProblem(api.post("/api/v1/orgs", owner.accessToken(), Map.of("name", name)), 400);
      assertProblem(
          api.post(
              "/api/v1/auth/signup",
              null,
              Map.of(
                  "email",
                  "long" + UUID.randomUUID() + "@example.com",
                  "password",
                  KilnFixtures.PASSWORD,
                  "name",
                  name)),
          400);
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void injectionStringsInEveryTextFieldAreRefusedAndStoreNothing() {
    Map<String, Long> before = counts();
    String personal = "/api/v1/orgs/" + owner.personalOrg();
    for (String evil : INJECTIONS) {
      assertProblem(api.post("/api/v1/orgs", owner.accessToken(), Map.of("name", evil)), 400);
      assertProblem(api.patch(personal, owner.accessToken(), Map.of("name", evil)), 400);
      assertProblem(
          api.post(
              "/api/v1/auth/signup",
              null,
              Map.of(
                  "email",
                  "inj" + UUID.randomUUID() + "@example.com",
                  "password",
                  KilnFixtures.PASSWORD,
                  "name",
                  evil)),
          400);
      assertProblem(
          api.post(
              "/api/v1/auth/signup",
              null,
              Map.of("email", evil, "password", KilnFixtures.PASSWORD, "name", "Eve")),
          400);
      assertProblem(
          api.post(
              "/api/v1/auth/login", null, Map.of("email", evil, "password", KilnFixtures.PASSWORD)),
          400);
      assertProblem(
          api.post(
              personal + "/invitations",
              owner.accessToken(),
              Map.of("email", evil, "role", "viewer")),
          400);
      assertProblem(
          api.post(
              personal + "/invitations",
              owner.accessToken(),
              Map.of("email", "ok@example.com", "role", evil)),
          400);
    }
    for (String control : List.of("password\u0000with-null", "pass\u202Eword-rlo-x")) {
      assertProblem(
          api.post(
              "/api/v1/auth/signup",
              null,
              Map.of(
                  "email",
                  "ctl" + UUID.randomUUID() + "@example.com",
                  "password",
                  control,
                  "name",
                  "Eve")),
          400);
    }
    assertThat(api.get(personal, owner.accessToken()).text("name"))
        .isEqualTo("Careful Owner's workspace");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void routingAndMediaTypeErrorsAreProblemsToo() {
    assertProblem(api.get("/api/v1/nothing-here", owner.accessToken()), 404);
    assertProblem(api.send("PUT", "/api/v1/me", owner.accessToken(), "{}", Map.of()), 405);
    assertProblem(
        api.send(
            "POST",
            "/api/v1/orgs",
            owner.accessToken(),
            "name=x",
            Map.of("Content-Type", "text/plain")),
        415);
    assertProblem(
        api.patch(
            "/api/v1/orgs/" + owner.personalOrg() + "/members/not-a-uuid",
            owner.accessToken(),
            Map.of("role", "viewer")),
        400);
    assertProblem(
        api.post("/api/v1/invitations/" + "x".repeat(300) + "/accept", owner.accessToken(), null),
        404);
  }

  private void assertProblem(Api.Response r, int status) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.text("type")).startsWith("https://kiln.dev/problems/");
    assertThat(r.text("title")).isNotBlank();
    assertThat(r.raw())
        .doesNotContain("Exception")
        .doesNotContain("at dev.kiln")
        .doesNotContain("at org.");
  }

  private Map<String, Long> counts() {
    JdbcClient db = JdbcClient.create(ownerDataSource);
    Map<String, Long> counts = new HashMap<>();
    for (String table : List.of("users", "orgs", "memberships", "invitations", "refresh_tokens")) {
      counts.put(table, db.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }
}
