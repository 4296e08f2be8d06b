package dev.kiln.sandbox.internal;

import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.Served;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What every backend's sandbox shares: its id, limits, network policy, host workspace, deadline,
 * state and served commands.
 */
public abstract class WorkspaceSandbox implements Sandbox {

  /** The exit code of a killed process. */
  protected static final int KILLED = 137;

  protected final String id;
  protected final SandboxSpec.Limits limits;
  protected final SandboxSpec.NetworkPolicy network;
  protected final HostWorkspace workspace;
  private final Instant deadline;
  private final List<Served> served = new ArrayList<>();
  private volatile boolean closed;

  protected WorkspaceSandbox(
      String id,
      SandboxSpec.Limits limits,
      SandboxSpec.NetworkPolicy network,
      HostWorkspace workspace) {
    this.id = id;
    this.limits = limits;
    this.network = network;
    this.workspace = workspace;
    this.deadline = Instant.now().plus(limits.wallTime());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void upload(Map<String, byte[]> files) {
    requireOpen();
    workspace.write(files);
  }

  @Override
  public final Served serve(List<String> command, int port, Consumer<OutputLine> output) {
    if (network != SandboxSpec.NetworkPolicy.SERVE) {
      throw new IllegalStateException(
          "Sandbox "
              + id
              + " was opened with network policy "
              + network
              + ": only a sandbox opened with NetworkPolicy.SERVE may serve");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
    if (command.isEmpty()) {
      throw new IllegalArgumentException("No command to serve");
    }
    synchronized (served) {
      requireOpen();
      Served started = startServing(List.copyOf(command), port, output);
      served.add(started);
      return started;
    }
  }

  /** Starts the command in the background; the caller has checked the policy and arguments. */
  protected abstract Served startServing(
      List<String> command, int port, Consumer<OutputLine> output);

  /**
   * Closes this sandbox if {@code ended} (a served command's end) does not complete within the wall
   * time, from a virtual thread.
   */
  protected void closeAtWallTime(CompletableFuture<?> ended) {
    Thread.ofVirtual()
        .name("kiln-serve-deadline-" + id)
        .start(
            () -> {
              try {
                ended.get(remainingMillis(), TimeUnit.MILLISECONDS);
              } catch (TimeoutException e) {
                close();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (ExecutionException e) {
                // ended anyway
              }
            });
  }

  /** Every command this sandbox has served, ended ones included. */
  protected List<Served> served() {
    synchronized (served) {
      return List.copyOf(served);
    }
  }

  /** Stops every served command; for {@link #close()}. */
  protected void stopServing() {
    served().forEach(Served::stop);
  }

  /** Milliseconds left of the wall time; never negative. */
  protected long remainingMillis() {
    return Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
  }

  /**
   * True the first time only: the caller then releases what the sandbox holds. No command can be
   * served once this returned.
   */
  protected boolean markClosed() {
    synchronized (served) {
      if (closed) {
        return false;
      }
      closed = true;
      return true;
    }
  }

  /** Closes the sandbox and reports the command as killed at the wall time. */
  protected ExecResult killedAtWallTime(OutputLines lines, Instant start) {
    close();
    return new ExecResult(
        KILLED, true, false, lines.truncated(), Duration.between(start, Instant.now()));
  }

  /**
   * What to throw when the thread waiting for a command was interrupted, after {@code stop} killed
   * the command (the sandbox stays open); the interrupt flag is set again.
   */
  protected SandboxFailure interrupted(InterruptedException e, Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException stopFailed) {
      e.addSuppressed(stopFailed);
    }
    Thread.currentThread().interrupt();
    return new SandboxFailure(
        "Interrupted while " + id + " ran a command; the command was stopped", e);
  }

  protected void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Sandbox " + id + " is closed");
    }
  }
}
