/**
 * Organizations are the tenants: memberships with owner, editor and viewer roles, invitations, the
 * per-request tenant scope and the row level security it drives.
 */
package dev.kiln.platform.tenancy;
