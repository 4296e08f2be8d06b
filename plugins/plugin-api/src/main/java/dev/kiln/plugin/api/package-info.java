/**
 * The SDK a tool-plugin author compiles against: a PF4J extension point, a context and value
 * records.
 *
 * <p>Not built yet: this module only reserves its place in the build until its issue is worked on.
 */
package dev.kiln.plugin.api;
