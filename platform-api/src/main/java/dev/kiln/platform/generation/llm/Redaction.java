package dev.kiln.platform.generation.llm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets users paste into prompts before a prompt is stored, logged or sent to a model
 * provider: API keys of the common providers (OpenAI, OpenRouter, Anthropic, Google, Groq, Hugging
 * Face, xAI, Stripe, GitHub, Slack, AWS), bearer tokens, private keys, JWTs, connection strings
 * with passwords and {@code password=...} / {@code secret: ...} assignments.
 */
public final class Redaction {

  public static final String MARK = "[redacted]";

  private static final List<Pattern> SECRETS =
      List.of(
          Pattern.compile(
              "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----",
              Pattern.DOTALL),
          Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}"),
          Pattern.compile("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{16,}"),
          Pattern.compile("\\bwhsec_[A-Za-z0-9]{10,}"),
          Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
          Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
          Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
          Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
          Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{30,}"),
          Pattern.compile("\\b(?:gsk|hf)_[A-Za-z0-9]{20,}"),
          Pattern.compile("\\bxai-[A-Za-z0-9]{20,}"),
          Pattern.compile("(?i)(?<=\\bbearer )[A-Za-z0-9._~+/=\\-]{16,}"),
          Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          Pattern.compile("(?<=://)[^/\\s:@]+:[^/\\s@]+(?=@)"));

  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?i)\\b((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\\s*[:=]\\s*)"
              + "(\"[^\"]*\"|'[^']*'|\\S+)");

  private Redaction() {}

  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Pattern secret : SECRETS) {
      out = secret.matcher(out).replaceAll(MARK);
    }
    return ASSIGNMENT.matcher(out).replaceAll(m -> m.group(1).replace("$", "\\$") + MARK);
  }
}
