/** The Docker backend: hardened single-use containers through docker-java. */
package dev.kiln.sandbox.docker;
