/**
 * Credit packs bought through Stripe Checkout: sessions created with stripe-java, and the signed
 * webhook that grants each purchase exactly once and claws back refunds and disputes.
 */
package dev.kiln.billing.stripe;
