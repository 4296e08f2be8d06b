/**
 * The built-in ESLint tool: lints a project with its own ESLint and flat config and proposes
 * ESLint's fixes as edits.
 */
package dev.kiln.plugin.eslint;
