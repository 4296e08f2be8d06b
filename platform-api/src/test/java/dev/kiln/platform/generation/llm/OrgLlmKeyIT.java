package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Orgs' own provider keys: owners store them over the API, they are encrypted at rest and never
 * returned, and the gateway sends them instead of the platform key.
 */
@KilnIntegrationTest
class OrgLlmKeyIT {

  static final String PLATFORM_KEY = FakeSecrets.openAiKey();
  static final String ORG_KEY = FakeSecrets.token("sk-or-v1-org0owned0", 24);
  static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);
  static final ChatStub stub = new ChatStub();

  @DynamicPropertySource
  static void llm(DynamicPropertyRegistry registry) {
    if (!stub.server.isRunning()) {
      stub.start();
    }
    registry.add("kiln.llm.base-url", stub::baseUrl);
    registry.add("kiln.llm.api-key", () -> PLATFORM_KEY);
    registry.add("kiln.llm.model", () -> "platform-model");
    registry.add("kiln.llm.key-encryption-key", () -> KEK);
    // the stub listens on localhost
    registry.add("kiln.llm.allow-private-base-urls", () -> "true");
    registry.add("kiln.llm.initial-backoff", () -> "20ms");
  }

  @AfterAll
  static void stopStub() {
    stub.stop();
  }

  @LocalServerPort int port;
  @Autowired LlmGateway gateway;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  Api api;
  KilnFixtures fixtures;
  TestUser owner;
  UUID org;

  @BeforeEach
  void setUp() {
    stub.reset();
    api = new Api(port);
    fixtures = new KilnFixtures(api);
    owner = fixtures.signUp("Key Owner");
    org = fixtures.createOrg(owner, "Keyed");
  }

  String path() {
    return "/api/v1/orgs/" + org + "/llm-key";
  }

  Api.Response putKey(String token, Map<String, Object> body) {
    return api.put(path(), token, body);
  }

  Map<String, Object> key(String apiKey, String baseUrl, String model) {
    Map<String, Object> body = new HashMap<>();
    body.put("apiKey", apiKey);
    body.put("baseUrl", baseUrl);
    body.put("model", model);
    return body;
  }

  byte[] storedCiphertext() {
    return JdbcClient.create(ownerDataSource)
        .sql("select api_key_encrypted from org_llm_keys where org_id = ?")
        .param(org)
        .query(byte[].class)
        .single();
  }

  @Test
  void anOwnersKeyIsStoredEncryptedAndNeverComesBack() {
    Api.Response before = api.get(path(), owner.accessToken());
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.json().path("configured").asBoolean()).isFalse();

    Api.Response put =
        putKey(owner.accessToken(), key(ORG_KEY, "https://openrouter.ai/api/v1", "openai/gpt-4o"));
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    Api.Response got = api.get(path(), owner.accessToken());
    for (Api.Response r : List.of(put, got)) {
      assertThat(r.json().path("configured").asBoolean()).isTrue();
      assertThat(r.text("baseUrl")).isEqualTo("https://openrouter.ai/api/v1");
      assertThat(r.text("model")).isEqualTo("openai/gpt-4o");
      assertThat(r.text("updatedAt")).isNotBlank();
      assertThat(r.raw()).doesNotContain(ORG_KEY, "org0owned", "6789", "apiKey");
    }

    byte[] sealed = storedCiphertext();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain("sk-or", "org0owned");
    assertThat(sealed).hasSize(12 + ORG_KEY.length() + 16);
    putKey(owner.accessToken(), key(ORG_KEY, "https://openrouter.ai/api/v1", "openai/gpt-4o"));
    assertThat(storedCiphertext()).as("a fresh nonce per value").isNotEqualTo(sealed);

    assertThat(api.delete(path(), owner.accessToken()).status()).isEqualTo(204);
    assertThat(api.get(path(), owner.accessToken()).json().path("configured").asBoolean())
        .isFalse();
    assertThat(api.delete(path(), owner.accessToken()).status()).isEqualTo(204);
  }

  @Test
  void theGatewaySendsTheOrgKeyInsteadOfThePlatformKey() {
    putKey(owner.accessToken(), key(ORG_KEY, stub.baseUrl(), "org-model"));
    stub.answers(ChatStub.completion(ChatStub.VALID, "stop", 10, 5));
    Structured result =
        gateway.structured(org, "plan", List.of(Message.user("a CRM")), ChatStub.SCHEMA, 0, null);
    assertThat(result.ownKey()).isTrue();
    var request = stub.requests().getFirst();
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ORG_KEY);
    assertThat(stub.bodies().getFirst().path("model").asString()).isEqualTo("org-model");

    api.delete(path(), owner.accessToken());
    stub.reset();
    stub.answers(ChatStub.completion(ChatStub.VALID, "stop", 10, 5));
    Structured platform =
        gateway.structured(org, "plan", List.of(Message.user("a CRM")), ChatStub.SCHEMA, 0, null);
    assertThat(platform.ownKey()).isFalse();
    assertThat(stub.requests().getFirst().getHeader("Authorization"))
        .isEqualTo("Bearer " + PLATFORM_KEY);
    assertThat(stub.bodies().getFirst().path("model").asString()).isEqualTo("platform-model");
  }

  @Test
  void aRefusedOrgKeyIsTheOrgsFaultAndIsNotRetried() {
    putKey(owner.accessToken(), key(ORG_KEY, stub.baseUrl(), null));
    stub.answers(ChatStub.error(401, "Incorrect API key provided."));
    assertThatThrownBy(
            () ->
                gateway.structured(
                    org, "plan", List.of(Message.user("a CRM")), ChatStub.SCHEMA, 0, null))
        .isInstanceOfSatisfying(
            LlmFailure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(LlmFailure.Kind.REJECTED);
              assertThat(f.refundable()).isFalse();
              assertThat(f.getMessage())
                  .contains("your organization's key")
                  .doesNotContain(ORG_KEY);
            });
    assertThat(stub.requests()).hasSize(1);
    assertThat(stub.bodies().getFirst().path("model").asString())
        .as("no model of its own: the platform's")
        .isEqualTo("platform-model");
  }

  @Test
  void aProviderWithoutJsonSchemaGetsJsonObjectWithTheSchemaInThePrompt() {
    putKey(owner.accessToken(), key(ORG_KEY, stub.baseUrl(), "deepseek-chat"));
    stub.server.stubFor(
        WireMock.post(WireMock.urlPathEqualTo(ChatStub.PATH))
            .withRequestBody(WireMock.containing("\"json_schema\""))
            .willReturn(ChatStub.error(400, "This response_format type is unavailable now")));
    stub.server.stubFor(
        WireMock.post(WireMock.urlPathEqualTo(ChatStub.PATH))
            .withRequestBody(WireMock.containing("\"json_object\""))
            .willReturn(ChatStub.completion(ChatStub.VALID, "stop", 10, 5)));
    Structured result =
        gateway.structured(org, "plan", List.of(Message.user("a CRM")), ChatStub.SCHEMA, 0, null);
    assertThat(result.value().path("name").asString()).isEqualTo("Clinic CRM");
    var bodies = stub.bodies();
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1).path("response_format").path("type").asString())
        .isEqualTo("json_object");
    assertThat(bodies.get(1).path("messages").path(0).path("content").asString())
        .contains("JSON Schema", "\"pages\"");
  }

  @Test
  void viewersAndEditorsCannotSeeOrChangeTheKeyAndOutsidersDoNotSeeTheOrg() {
    putKey(owner.accessToken(), key(ORG_KEY, null, null));
    TestUser viewer = fixtures.signUp("Viewer");
    TestUser editor = fixtures.signUp("Editor");
    TestUser outsider = fixtures.signUp("Outsider");
    fixtures.join(owner, org, viewer, "viewer");
    fixtures.join(owner, org, editor, "editor");
    for (TestUser member : List.of(viewer, editor)) {
      assertThat(api.get(path(), member.accessToken()).status()).isEqualTo(403);
      assertThat(putKey(member.accessToken(), key("sk-mine-12345678", null, null)).status())
          .isEqualTo(403);
      assertThat(api.delete(path(), member.accessToken()).status()).isEqualTo(403);
    }
    assertThat(api.get(path(), outsider.accessToken()).status()).isEqualTo(404);
    assertThat(api.get(path(), null).status()).isEqualTo(401);
    assertThat(api.get(path(), owner.accessToken()).json().path("configured").asBoolean()).isTrue();
  }

  @Test
  void invalidKeysAndUrlsAreRefusedWithoutEchoingTheKey() {
    Api.Response spaces = putKey(owner.accessToken(), key("sk with spaces in it", null, null));
    assertThat(spaces.status()).isEqualTo(400);
    assertThat(spaces.raw()).contains("apiKey").doesNotContain("with spaces");
    Api.Response missing = putKey(owner.accessToken(), key(null, null, null));
    assertThat(missing.status()).isEqualTo(400);
    Api.Response ftp = putKey(owner.accessToken(), key(ORG_KEY, "ftp://example.com/v1", null));
    assertThat(ftp.status()).isEqualTo(400);
    assertThat(ftp.raw()).contains("baseUrl").doesNotContain(ORG_KEY);
    Api.Response userinfo =
        putKey(owner.accessToken(), key(ORG_KEY, "https://me:pw@example.com/v1", null));
    assertThat(userinfo.status()).isEqualTo(400);
    assertThat(api.get(path(), owner.accessToken()).json().path("configured").asBoolean())
        .isFalse();
  }
}
