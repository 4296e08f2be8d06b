/** What each operation costs in credits, from configuration. */
package dev.kiln.billing.pricing;
