/**
 * Sandbox API with Docker and bubblewrap backends, dependency cache, egress proxy and job worker.
 *
 * <p>Not built yet: this module only reserves its place in the build until its issue is worked on.
 */
package dev.kiln.sandbox;
