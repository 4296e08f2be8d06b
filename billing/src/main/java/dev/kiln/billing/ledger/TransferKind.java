package dev.kiln.billing.ledger;

import java.util.Locale;

/** Why credits moved. */
public enum TransferKind {
  /** Stripe purchase: purchases to wallet. */
  PURCHASE(AccountKind.PURCHASES, AccountKind.WALLET),
  /** Monthly free quota: free grants to wallet. */
  FREE_GRANT(AccountKind.FREE_GRANTS, AccountKind.WALLET),
  /** A platform admin's grant: adjustments to wallet. */
  ADMIN_GRANT(AccountKind.ADJUSTMENTS, AccountKind.WALLET),
  /** Work done: wallet to usage. */
  USAGE(AccountKind.WALLET, AccountKind.USAGE),
  /** A charge reversed because the platform failed: usage to wallet. */
  REFUND(AccountKind.USAGE, AccountKind.WALLET),
  /** A refunded or disputed payment taken back: wallet to purchases. */
  CLAWBACK(AccountKind.WALLET, AccountKind.PURCHASES);

  final AccountKind from;
  final AccountKind to;

  TransferKind(AccountKind from, AccountKind to) {
    this.from = from;
    this.to = to;
  }

  /** The id used in the ledger and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static TransferKind fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
