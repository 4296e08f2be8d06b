package dev.kiln.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * The extension point every tool plugin implements: a check or fixer that Kiln runs on a generated
 * project. Annotate the implementation with {@code @org.pf4j.Extension} and give it a public
 * no-argument constructor.
 *
 * <p>The host creates one instance per loaded plugin and may call {@link #run} concurrently for
 * different projects and tenants, so implementations must keep no per-run state in fields.
 */
@Stable
public interface ToolPlugin extends ExtensionPoint {

  /**
   * What the tool is, reads, produces and costs. Called once when the plugin is loaded; must be
   * cheap and side-effect free.
   *
   * @return the descriptor, never null
   */
  ToolDescriptor descriptor();

  /**
   * Runs the tool on one project.
   *
   * @param context the project, its sandbox and the tenant's settings, never null
   * @return the findings and proposed edits, never null ({@link ToolResult#empty()} for none)
   * @throws ToolCancelledException when {@link ToolContext#cancellation()} asked the run to stop
   * @throws ToolFailedException when the tool itself could not run (as opposed to finding problems)
   * @throws Exception anything else is reported as a failed run of this plugin only
   */
  ToolResult run(ToolContext context) throws Exception;
}
