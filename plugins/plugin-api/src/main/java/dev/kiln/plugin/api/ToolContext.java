package dev.kiln.plugin.api;

import java.util.Map;

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
}
