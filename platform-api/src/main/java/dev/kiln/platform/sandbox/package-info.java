/** Wires the sandbox-runner module in: the backend chosen at start-up, and its health. */
package dev.kiln.platform.sandbox;
