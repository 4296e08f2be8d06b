/**
 * The sandbox API: where untrusted generated code runs. A {@link dev.kiln.sandbox.SandboxBackend}
 * opens hardened, single-use {@link dev.kiln.sandbox.Sandbox}es from a {@link
 * dev.kiln.sandbox.SandboxSpec}; backends are Docker and (for hosts without Docker) bubblewrap. A
 * sandbox opened to serve runs a command in the background whose port only the host reaches ({@link
 * dev.kiln.sandbox.Served}).
 */
package dev.kiln.sandbox;
