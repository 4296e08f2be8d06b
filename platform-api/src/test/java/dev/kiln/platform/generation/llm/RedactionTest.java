package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void secretsPastedIntoPromptsAreRemovedAndTheRestKept() {
    String openAi = FakeSecrets.token("sk-proj-", 24);
    String stripe = FakeSecrets.token("sk_" + "live_", 16);
    String github = FakeSecrets.token("ghp" + "_", 32);
    String aws = "AKIA" + FakeSecrets.token("", 16).toUpperCase(java.util.Locale.ROOT);
    String jwt =
        "eyJ"
            + FakeSecrets.token("", 12)
            + ".eyJ"
            + FakeSecrets.token("", 12)
            + "."
            + FakeSecrets.token("", 12);
    String prompt =
        "a CRM for my clinic. Use my OpenAI key "
            + openAi
            + " and Stripe "
            + stripe
            + ", github "
            + github
            + ", AWS "
            + aws
            + ", db postgres://admin:hunter2@db.example.com/crm,"
            + " password: s3cret! and api_key=\"zzz\" token "
            + jwt;
    String redacted = Redaction.redact(prompt);
    assertThat(redacted)
        .startsWith("a CRM for my clinic.")
        .doesNotContain(openAi, stripe, github, aws, "hunter2", "s3cret")
        .doesNotContain("zzz", jwt.substring(0, 10))
        .contains("postgres://[redacted]@db.example.com/crm")
        .contains("password: [redacted]");
  }

  @Test
  void llmProviderKeysAndBearerTokensAreRemoved() {
    String openRouter = FakeSecrets.token("sk-or-v1-", 32);
    String groq = FakeSecrets.token("gsk" + "_", 24);
    String hf = FakeSecrets.token("hf" + "_", 30);
    String xai = FakeSecrets.token("xai-", 24);
    String anthropic = FakeSecrets.token("sk-ant-api03-", 20);
    String bearer = FakeSecrets.token("", 26);
    String prompt =
        "OpenRouter "
            + openRouter
            + ", Groq "
            + groq
            + ", HF "
            + hf
            + ", xAI "
            + xai
            + ", Anthropic "
            + anthropic
            + ", header Authorization: Bearer "
            + bearer;
    assertThat(Redaction.redact(prompt))
        .doesNotContain(openRouter, groq, hf, xai, anthropic, bearer)
        .contains("OpenRouter [redacted]", "Bearer [redacted]");
  }

  @Test
  void privateKeysAreRemovedWhole() {
    String prompt = "deploy with\n" + FakeSecrets.pem("RSA PRIVATE KEY") + "\nthanks";
    assertThat(Redaction.redact(prompt)).isEqualTo("deploy with\n[redacted]\nthanks");
  }

  @Test
  void ordinaryPromptsAreUnchanged() {
    String prompt = "a recipe site where users rate recipes, with a token of appreciation page";
    assertThat(Redaction.redact(prompt)).isEqualTo(prompt);
  }
}
