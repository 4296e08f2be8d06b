/**
 * The sandbox API: where untrusted generated code runs. A {@link dev.kiln.sandbox.SandboxBackend}
 * opens hardened, single-use {@link dev.kiln.sandbox.Sandbox}es from a {@link
 * dev.kiln.sandbox.SandboxSpec}; backends are Docker and (for hosts without Docker) bubblewrap.
 */
package dev.kiln.sandbox;
