package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void secretsPastedIntoPromptsAreRemovedAndTheRestKept() {
    String prompt =
        "a CRM for my clinic. Use my OpenAI key sk-proj-abcdefghijklmnopqrstuvwx and Stripe"
            + " sk_live_51Habcdefghijklmno, github ghp_abcdefghijklmnopqrstuvwxyz0123, AWS"
            + " AKIAABCDEFGHIJKLMNOP, db postgres://admin:hunter2@db.example.com/crm,"
            + " password: s3cret! and api_key=\"zzz\" token eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.abcdefghijk";
    String redacted = Redaction.redact(prompt);
    assertThat(redacted)
        .startsWith("a CRM for my clinic.")
        .doesNotContain("sk-proj-abc", "sk_live_51H", "ghp_abc", "AKIAABCD", "hunter2", "s3cret")
        .doesNotContain("zzz", "eyJhbGci")
        .contains("postgres://[redacted]@db.example.com/crm")
        .contains("password: [redacted]");
  }

  @Test
  void llmProviderKeysAndBearerTokensAreRemoved() {
    String prompt =
        "OpenRouter sk-or-v1-0123456789abcdef0123456789abcdef, Groq gsk_abcdefghijklmnopqrstuv12,"
            + " HF hf_abcdefghijklmnopqrstuvwxyz012345, xAI xai-abcdefghijklmnopqrstuvwx,"
            + " Anthropic sk-ant-api03-abcdefghijklmnopqrst, header Authorization: Bearer"
            + " abcdef0123456789abcdef0123";
    assertThat(Redaction.redact(prompt))
        .doesNotContain("0123456789abcdef0123", "gsk_abc", "hf_abc", "xai-abc", "sk-ant-api03")
        .doesNotContain("abcdef0123456789abcdef0123")
        .contains("OpenRouter [redacted]", "Bearer [redacted]");
  }

  @Test
  void privateKeysAreRemovedWhole() {
    String prompt =
        "deploy with\n-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\ndef\n-----END RSA PRIVATE KEY-----\nthanks";
    assertThat(Redaction.redact(prompt)).isEqualTo("deploy with\n[redacted]\nthanks");
  }

  @Test
  void ordinaryPromptsAreUnchanged() {
    String prompt = "a recipe site where users rate recipes, with a token of appreciation page";
    assertThat(Redaction.redact(prompt)).isEqualTo(prompt);
  }
}
