/**
 * Exports of a verified version: ZIP, GitHub and Vercel, with the pre-export checks.
 *
 * <p>Not built yet: this module only reserves its place in the build until its issue is worked on.
 */
package dev.kiln.export;
