package dev.kiln.billing.ledger;

import java.util.Locale;

/** An org's accounts: its wallet and the system accounts credits come from or go to. */
public enum AccountKind {
  WALLET,
  PURCHASES,
  FREE_GRANTS,
  ADJUSTMENTS,
  USAGE;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
