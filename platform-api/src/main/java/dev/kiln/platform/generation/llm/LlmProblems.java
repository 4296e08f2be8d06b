package dev.kiln.platform.generation.llm;

import dev.kiln.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The errors of the org LLM key API. */
final class LlmProblems {

  private LlmProblems() {}

  /** No key-encryption key is configured, so no org key can be stored safely. */
  static final class KeyStorageDisabled extends ApiProblem {
    KeyStorageDisabled() {
      super(
          HttpStatus.SERVICE_UNAVAILABLE,
          "llm-key-storage-disabled",
          "Organization LLM keys are disabled",
          "This Kiln installation cannot store organization LLM keys: its operator has not set"
              + " an encryption key (KILN_LLM_KEY_ENCRYPTION_KEY). The platform's own model, if"
              + " any, is used instead.");
    }
  }
}
