package dev.kiln.platform.generation.llm;

import java.security.SecureRandom;

/**
 * Secret-shaped strings made at test time (a prefix and random characters), so that no source file
 * holds anything a secret scanner, or a reader, could take for a real key.
 */
public final class FakeSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  private FakeSecrets() {}

  /** {@code prefix} and {@code length} random lower-case letters and digits. */
  public static String token(String prefix, int length) {
    StringBuilder out = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      out.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
    }
    return out.toString();
  }

  /** An OpenAI-style key: {@code sk-} and 32 random characters. */
  public static String openAiKey() {
    return token("sk" + "-", 32);
  }

  /** A PEM block of {@code kind} (such as {@code RSA PRIVATE KEY}) around random text. */
  public static String pem(String kind) {
    String dashes = "-".repeat(5);
    return dashes
        + "BEGIN "
        + kind
        + dashes
        + "\n"
        + token("", 24)
        + "\n"
        + dashes
        + "END "
        + kind
        + dashes;
  }
}
