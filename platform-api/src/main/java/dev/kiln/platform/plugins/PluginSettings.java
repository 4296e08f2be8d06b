package dev.kiln.platform.plugins;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The plugin host, bound from {@code kiln.plugins.*} ({@code KILN_PLUGINS_DIR}...).
 *
 * @param dir where plugin jars and zips are loaded from; blank means {@code KILN_HOME/plugins}
 * @param builtins whether the built-in plugins (prettier, eslint, tsc) are copied into {@code dir}
 *     at start-up
 * @param timeout how long one plugin may run on one project
 * @param maxEdits the most edits one run may propose; more is an invalid result
 * @param maxDiagnostics the most diagnostics kept from one run; the rest are counted
 * @param cpus the CPU share of the sandbox the plugins run in; the diagnostics-only plugins after
 *     the last editing one run side by side in it
 * @param toolCache where the tools' caches are kept per org, dependencies and plugin version; blank
 *     means {@code KILN_HOME/cache/tools}
 * @param toolCacheMaxSize the largest cache kept for one plugin; a bigger one is dropped
 */
@ConfigurationProperties("kiln.plugins")
record PluginSettings(
    Path dir,
    @DefaultValue("true") boolean builtins,
    @DefaultValue("2m") Duration timeout,
    @DefaultValue("2000") int maxEdits,
    @DefaultValue("1000") int maxDiagnostics,
    @DefaultValue("2") double cpus,
    Path toolCache,
    @DefaultValue("64MB") DataSize toolCacheMaxSize) {}
