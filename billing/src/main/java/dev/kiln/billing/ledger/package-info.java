/**
 * The credit ledger: accounts, immutable transfers with idempotency keys, holds, the monthly free
 * quota, spending caps and refunds when the platform fails.
 */
package dev.kiln.billing.ledger;
