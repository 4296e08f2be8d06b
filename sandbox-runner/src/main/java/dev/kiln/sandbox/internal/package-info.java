/** What both backends share: host-side workspaces and output handling. Not an API. */
package dev.kiln.sandbox.internal;
