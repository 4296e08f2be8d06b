package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyCipherTest {

  static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);
  static final String OTHER_KEK =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  final KeyCipher cipher = KeyCipher.fromSetting(KEK);
  final UUID org = UUID.randomUUID();

  @Test
  void aKeyRoundTripsAndIsNeverStoredInTheClear() throws Exception {
    String key = FakeSecrets.token("sk-proj-", 26);
    byte[] sealed = cipher.encrypt(org, key);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain("sk-proj", key.substring(8));
    assertThat(sealed).hasSize(KeyCipher.NONCE_BYTES + key.length() + KeyCipher.TAG_BITS / 8);
    assertThat(cipher.decrypt(org, sealed)).isEqualTo(key);
  }

  @Test
  void everyValueHasItsOwnNonce() {
    byte[] a = cipher.encrypt(org, "same-key-123");
    byte[] b = cipher.encrypt(org, "same-key-123");
    assertThat(a).isNotEqualTo(b);
    assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
  }

  @Test
  void aValueDecryptsOnlyForItsOrgUnalteredAndWithItsKey() {
    byte[] sealed = cipher.encrypt(org, "sk-test-abcdefgh");
    assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), sealed))
        .isInstanceOf(GeneralSecurityException.class);
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(org, altered))
        .isInstanceOf(GeneralSecurityException.class);
    KeyCipher other = KeyCipher.fromSetting(OTHER_KEK);
    assertThat(other.keyId()).isNotEqualTo(cipher.keyId());
    assertThatThrownBy(() -> other.decrypt(org, sealed))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void theSettingMustBe32BytesOfBase64OrNothing() {
    assertThat(KeyCipher.fromSetting(null)).isNull();
    assertThat(KeyCipher.fromSetting(" ")).isNull();
    assertThatThrownBy(() -> KeyCipher.fromSetting("not base64!"))
        .hasMessageContaining("not valid base64");
    assertThatThrownBy(
            () -> KeyCipher.fromSetting(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("must be 32 bytes");
    assertThat(cipher.toString()).doesNotContain(KEK);
  }
}
