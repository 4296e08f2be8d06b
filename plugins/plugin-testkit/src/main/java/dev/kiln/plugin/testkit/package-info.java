/**
 * Runs a tool plugin on a folder of files without the Kiln platform, and checks what the host would
 * check, so plugin authors can test with plain JUnit.
 */
package dev.kiln.plugin.testkit;
