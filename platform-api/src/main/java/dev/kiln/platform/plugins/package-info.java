/**
 * The tool-plugin host: PF4J loads plugin jars from the plugins directory, admins and owners switch
 * them, and every run is wrapped with the tenant, a timeout, a credit hold, metrics and checks.
 */
package dev.kiln.platform.plugins;
