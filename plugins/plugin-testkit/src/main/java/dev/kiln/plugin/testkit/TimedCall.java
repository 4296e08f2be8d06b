package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.ToolCancelledException;
import dev.kiln.plugin.api.ToolFailedException;
import dev.kiln.plugin.api.ToolResult;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls {@code ToolPlugin.run} on its own thread under a deadline, as the host does: past the
 * deadline the run is cancelled and its thread interrupted; whatever the plugin throws is turned
 * into a {@link PluginCheckFailed} that names the tool.
 */
final class TimedCall {

  private final String toolId;
  private final Duration timeout;
  private final RunCancellation cancellation;
  private final CapturingLogger logger;

  TimedCall(String toolId, Duration timeout, RunCancellation cancellation, CapturingLogger logger) {
    this.toolId = toolId;
    this.timeout = timeout;
    this.cancellation = cancellation;
    this.logger = logger;
  }

  ToolResult call(Callable<ToolResult> run) {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().daemon().name("kiln-tool-" + toolId).unstarted(task));
    Future<ToolResult> future = executor.submit(run);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stop(future);
      throw new PluginCheckFailed(
          "tool '"
              + toolId
              + "' did not finish within "
              + timeout.toMillis()
              + " ms: the host stops a run at its timeout and reports it failed; pass timeouts to"
              + " exec and check context.cancellation() between steps"
              + logger.tail());
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (InterruptedException e) {
      stop(future);
      Thread.currentThread().interrupt();
      throw new PluginCheckFailed("interrupted while waiting for tool '" + toolId + "'", e);
    } finally {
      executor.shutdownNow();
    }
  }

  private void stop(Future<ToolResult> future) {
    cancellation.cancel();
    future.cancel(true);
  }

  private PluginCheckFailed failure(Throwable thrown) {
    String tool = "tool '" + toolId + "'";
    String message =
        switch (thrown) {
          case ToolFailedException failed -> tool + " failed: " + failed.getMessage();
          case ToolCancelledException cancelled ->
              tool + " threw ToolCancelledException although the run was not cancelled";
          default ->
              tool
                  + " threw "
                  + thrown
                  + ": the host isolates the failure, reports this run failed and still runs the"
                  + " other tools; throw ToolFailedException with an actionable message instead";
        };
    return new PluginCheckFailed(message + logger.tail(), thrown);
  }
}
