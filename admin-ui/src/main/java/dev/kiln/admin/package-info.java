/**
 * The platform admin console (React + TypeScript, built with Vite), packaged as a jar of static
 * files.
 *
 * <p>Not built yet: this module only reserves its place in the build until its issue is worked on.
 */
package dev.kiln.admin;
