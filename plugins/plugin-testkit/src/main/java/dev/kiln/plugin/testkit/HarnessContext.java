package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.Cancellation;
import dev.kiln.plugin.api.ProjectFiles;
import dev.kiln.plugin.api.SandboxShell;
import dev.kiln.plugin.api.ToolContext;
import java.util.Map;
import java.util.Optional;

/** The context the harness passes to a plugin; every component is non-null. */
record HarnessContext(
    String orgId,
    ProjectFiles files,
    SandboxShell sandbox,
    Map<String, String> settings,
    System.Logger logger,
    Cancellation cancellation,
    Optional<String> cacheDirectory)
    implements ToolContext {}
