/**
 * Live previews: a project's current version running under {@code next dev} in a sandbox that
 * serves one port and reaches nothing, reverse-proxied (HTTP and the hot-reload WebSocket) on a
 * separate origin per signed, expiring link; new versions arrive as file changes.
 */
package dev.kiln.platform.preview;
