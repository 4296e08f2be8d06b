/** The built-in Prettier tool: formats a project with its own Prettier and proposes the edits. */
package dev.kiln.plugin.prettier;
