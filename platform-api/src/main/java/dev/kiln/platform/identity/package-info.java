/**
 * Who is calling: local accounts, RS256 access tokens and their keys, rotating refresh tokens,
 * external issuers, platform admins and the rate limits on signing in.
 */
package dev.kiln.platform.identity;
