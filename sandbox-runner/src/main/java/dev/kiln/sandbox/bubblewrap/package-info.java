/**
 * The bubblewrap backend, for hosts without Docker: namespaces from bwrap run as an unprivileged
 * uid, limits from cgroups, size-limited tmpfs scratch. Needs the JVM to run as root (it creates
 * the cgroups and mounts) and {@code bwrap}, {@code setpriv} and {@code mount} on the PATH.
 */
package dev.kiln.sandbox.bubblewrap;
