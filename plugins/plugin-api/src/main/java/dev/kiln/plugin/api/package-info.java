/**
 * The SDK a tool-plugin author compiles against: the {@link dev.kiln.plugin.api.ToolPlugin}
 * extension point, the {@link dev.kiln.plugin.api.ToolContext} the host passes in, and the value
 * records that go back and forth.
 */
package dev.kiln.plugin.api;
