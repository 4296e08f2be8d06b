/**
 * Credits: a double-entry ledger with holds, monthly free quotas and spending caps, prices per
 * operation, and credit packs bought through Stripe Checkout. A library: {@code platform-api} wires
 * it in and serves its HTTP API.
 */
package dev.kiln.billing;
