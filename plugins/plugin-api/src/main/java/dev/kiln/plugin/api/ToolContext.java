package dev.kiln.plugin.api;

import java.util.Map;
import java.util.Optional;

/**
 * Everything a run may use, passed in by the host. A context belongs to one run of one tool on one
 * project for one tenant; it must not be kept after {@link ToolPlugin#run} returns.
 */
@Stable
public interface ToolContext {

  /**
   * The organisation (tenant) the run is for and billed to.
   *
   * @return its identifier, never null
   */
  String orgId();

  /**
   * The project's files as they are when the run starts.
   *
   * @return a read-only snapshot, never null
   */
  ProjectFiles files();

  /**
   * A shell in the project's sandbox, with the project files and its {@code node_modules} in the
   * working directory and no network.
   *
   * @return the shell, never null
   */
  SandboxShell sandbox();

  /**
   * The tenant's settings for this tool, as an admin or owner entered them.
   *
   * @return an immutable map, never null, empty when nothing was set
   */
  Map<String, String> settings();

  /**
   * A logger whose records the host attaches to the run (tenant, project and tool included).
   *
   * @return the logger, never null
   */
  System.Logger logger();

  /**
   * Whether the host wants the run to stop (timeout, user cancel, shutdown); check it between steps
   * of long work.
   *
   * @return the run's cancellation, never null
   */
  Cancellation cancellation();

  /**
   * A directory for the tool's own cache (ESLint's {@code --cache-location}, tsc's build info),
   * relative to the sandbox's working directory, that the host keeps between runs of this plugin
   * version for the same organisation and the same dependencies. The tool may write anything in it;
   * the host restores it before the next run, so a warm run only re-checks what changed. The host
   * may hand out an empty directory at any time (a new organisation, new dependencies, a cache over
   * its size limit, a run that failed), so a plugin must produce the same result with a warm or an
   * empty cache. The directory is never one of the project's files, is never shared between
   * organisations, and is empty when the host offers no cache.
   *
   * @return the directory (it exists), or empty when the host keeps no cache
   * @since 1.1.0
   */
  @Incubating
  default Optional<String> cacheDirectory() {
    return Optional.empty();
  }
}
