package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class LlmSettingsTest {

  static LlmSettings settings(String apiKey, String kek) {
    return new LlmSettings(
        null,
        apiKey,
        " ",
        Duration.ofSeconds(10),
        Duration.ofMinutes(3),
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        kek,
        false);
  }

  @Test
  void blanksMeanDefaultsAndNoKey() {
    LlmSettings s = settings("  ", null);
    assertThat(s.baseUrl()).isEqualTo(LlmSettings.DEFAULT_BASE_URL);
    assertThat(s.model()).isEqualTo(LlmSettings.DEFAULT_MODEL);
    assertThat(s.platformKey()).isFalse();
  }

  @Test
  void noSecretIsEverPrinted() {
    LlmSettings s = settings("sk-platform-secret-0123456789", KeyCipherTest.KEK);
    assertThat(s.toString()).doesNotContain("sk-platform", KeyCipherTest.KEK).contains("***");
    Endpoint e =
        new Endpoint(java.net.URI.create("https://x.example/v1"), "sk-org-secret", "m", true);
    assertThat(e.toString()).doesNotContain("sk-org-secret");
    assertThat(Message.user("password: hunter2").toString()).doesNotContain("hunter2");
    assertThat(new LlmKeyController.KeyRequest("sk-org-secret-123", null, null).toString())
        .doesNotContain("sk-org-secret");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(
            () ->
                new LlmSettings(
                    null,
                    null,
                    null,
                    Duration.ZERO,
                    Duration.ofMinutes(1),
                    1,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    null,
                    false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutAKeyEncryptionKeyOrgKeysAreRefusedWithA503() {
    OrgLlmKeys keys =
        new OrgLlmKeys(
            null,
            new org.springframework.jdbc.support.JdbcTransactionManager(),
            settings("k", null));
    assertThat(keys.storageEnabled()).isFalse();
    assertThatThrownBy(
            () -> keys.store(UUID.randomUUID(), UUID.randomUUID(), "sk-abc-12345678", null, null))
        .isInstanceOfSatisfying(
            LlmProblems.KeyStorageDisabled.class,
            p -> {
              assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(p.toProblemDetail(null).getType().toString())
                  .endsWith("/llm-key-storage-disabled");
              assertThat(p.getMessage()).contains("KILN_LLM_KEY_ENCRYPTION_KEY");
            });
  }
}
