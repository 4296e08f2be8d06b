package dev.kiln.platform.generation.llm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for org keys at rest: a random 12-byte nonce per value, stored in front of the
 * ciphertext, and the org id as associated data, so a value copied to another org's row does not
 * decrypt. The key comes from {@code kiln.llm.key-encryption-key}; without one, nothing is stored.
 */
final class KeyCipher {

  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKey key;
  private final String keyId;
  private final SecureRandom random = new SecureRandom();

  private KeyCipher(SecretKey key, String keyId) {
    this.key = key;
    this.keyId = keyId;
  }

  /**
   * The cipher of a configured key, or null when none is configured.
   *
   * @throws IllegalArgumentException when the setting is not base64 of exactly 32 bytes
   */
  static KeyCipher fromSetting(String base64) {
    if (base64 == null || base64.isBlank()) {
      return null;
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kiln.llm.key-encryption-key is not valid base64");
    }
    if (raw.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "kiln.llm.key-encryption-key must be 32 bytes (openssl rand -base64 32), not "
              + raw.length);
    }
    return new KeyCipher(new SecretKeySpec(raw, "AES"), fingerprint(raw));
  }

  /** Names the key without revealing it (a truncated hash): which key encrypted a stored value. */
  String keyId() {
    return keyId;
  }

  byte[] encrypt(UUID org, String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(org));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
    }
  }

  /**
   * @throws GeneralSecurityException when the value was not encrypted with this key for this org,
   *     or was altered
   */
  String decrypt(UUID org, byte[] stored) throws GeneralSecurityException {
    if (stored.length <= NONCE_BYTES) {
      throw new GeneralSecurityException("stored value too short");
    }
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(
        Cipher.DECRYPT_MODE,
        key,
        new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 0, NONCE_BYTES)));
    cipher.updateAAD(aad(org));
    byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static byte[] aad(UUID org) {
    return ("kiln-llm-key:" + org).getBytes(StandardCharsets.UTF_8);
  }

  private static String fingerprint(byte[] raw) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("kiln-llm-kek-id:".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(raw), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "KeyCipher[" + keyId + "]";
  }
}
