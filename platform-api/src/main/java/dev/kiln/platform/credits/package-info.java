/** The HTTP face of the billing module: balances, ledger, estimates, checkout, caps, webhooks. */
package dev.kiln.platform.credits;
