/**
 * Credit ledger, holds, pricing, spending caps and Stripe purchases.
 *
 * <p>Not built yet: this module only reserves its place in the build until its issue is worked on.
 */
package dev.kiln.billing;
