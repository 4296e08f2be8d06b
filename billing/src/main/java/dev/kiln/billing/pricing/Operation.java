package dev.kiln.billing.pricing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The operations Kiln meters. Their ids (kebab case) appear in the API and the ledger. */
public enum Operation {
  GENERATION,
  GENERATION_LLM,
  PREVIEW,
  VERIFIED_BUILD,
  PLUGIN_RUN,
  EXPORT_ZIP,
  EXPORT_GITHUB,
  EXPORT_VERCEL;

  /** The id used in the API and the ledger, e.g. {@code verified-build}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The operation with this id, if any. */
  public static Optional<Operation> fromId(String id) {
    return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
  }
}
