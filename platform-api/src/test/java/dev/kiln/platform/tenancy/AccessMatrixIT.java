package dev.kiln.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every operation in the OpenAPI document at {@code /api/docs}, called as an owner, an editor, a
 * viewer, a member of another org and anonymously, answers what its {@code x-kiln-access} rule
 * says. Endpoints added later are covered without touching this test.
 */
@KilnIntegrationTest
@TestPropertySource(
    properties = {
      "kiln.admin.email=matrix-admin@example.com",
      "kiln.admin.password=matrix-admin-pw"
    })
class AccessMatrixIT {

  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  @LocalServerPort int port;

  @Test
  void everyEndpointAnswersEachRoleAsItsAccessRuleSays() {
    Api api = new Api(port);
    KilnFixtures fixtures = new KilnFixtures(api);
    TestUser owner = fixtures.signUp("Matrix Owner");
    UUID org = fixtures.createOrg(owner, "Matrix");
    TestUser editor = fixtures.signUp("Matrix Editor");
    TestUser viewer = fixtures.signUp("Matrix Viewer");
    TestUser other = fixtures.signUp("Matrix Other");
    fixtures.join(owner, org, editor, "editor");
    fixtures.join(owner, org, viewer, "viewer");
    String admin = fixtures.logIn("matrix-admin@example.com", "matrix-admin-pw");

    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("owner", owner.accessToken());
    callers.put("editor", editor.accessToken());
    callers.put("viewer", viewer.accessToken());
    callers.put("other", other.accessToken());
    callers.put("anonymous", null);
    callers.put("admin", admin);

    JsonNode docs = api.get("/api/docs", null).json();
    assertThat(docs.get("openapi").asString()).startsWith("3.1");
    List<String> failures = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation == null) {
          continue;
        }
        operations++;
        String access = operation.path("x-kiln-access").asString("");
        String url = fill(path.getKey(), org);
        String body = List.of("post", "put", "patch").contains(method) ? "{}" : null;
        for (Map.Entry<String, String> caller : callers.entrySet()) {
          Api.Response r = api.send(method.toUpperCase(), url, caller.getValue(), body, Map.of());
          String problem = check(access, caller.getKey(), r);
          if (problem != null) {
            failures.add(
                method.toUpperCase()
                    + " "
                    + path.getKey()
                    + " as "
                    + caller.getKey()
                    + ": "
                    + problem
                    + " (got "
                    + r.status()
                    + " "
                    + r.text("type")
                    + ")");
          }
        }
      }
    }
    assertThat(operations).as("operations in /api/docs").isGreaterThanOrEqualTo(26);
    assertThat(failures).isEmpty();
  }

  /** Null when the response fits the rule, else what was expected. */
  private static String check(String access, String caller, Api.Response r) {
    int status = r.status();
    String type = r.text("type") == null ? "" : r.text("type");
    boolean admitted = status != 401 && status != 403 && !type.endsWith("/org-not-found");
    switch (access) {
      case "public":
        return admitted ? null : "expected to be admitted";
      case "authenticated":
        return expect(
            caller.equals("anonymous") ? status == 401 : admitted,
            caller.equals("anonymous") ? "401" : "admitted");
      case "admin":
        if (caller.equals("anonymous")) {
          return expect(status == 401, "401");
        }
        return caller.equals("admin") ? expect(admitted, "admitted") : expect(status == 403, "403");
      default:
        if (!access.startsWith("org:")) {
          return "no x-kiln-access rule on this operation";
        }
        Role required = Role.valueOf(access.substring(4).toUpperCase());
        return switch (caller) {
          case "anonymous" -> expect(status == 401, "401");
          case "other", "admin" ->
              expect(status == 404 && type.endsWith("/org-not-found"), "404 org-not-found");
          default -> {
            Role role = Role.valueOf(caller.toUpperCase());
            yield role.atLeast(required)
                ? expect(admitted, "admitted")
                : expect(status == 403 && type.endsWith("/role-required"), "403 role-required");
          }
        };
    }
  }

  private static String expect(boolean ok, String expected) {
    return ok ? null : "expected " + expected;
  }

  private static String fill(String template, UUID org) {
    return template
        .replace("{org}", org.toString())
        .replace("{token}", "not-a-real-token")
        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
  }
}
