/** The built-in tsc tool: type-checks a project with its own TypeScript compiler. */
package dev.kiln.plugin.tsc;
