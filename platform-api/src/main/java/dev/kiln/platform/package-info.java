/** The Kiln application: assembles every module and serves the API and both UIs. */
package dev.kiln.platform;
