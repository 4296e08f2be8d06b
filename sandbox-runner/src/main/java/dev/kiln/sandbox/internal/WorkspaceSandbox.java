package dev.kiln.sandbox.internal;

import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What every backend's sandbox shares: its id, limits, host workspace, deadline and state. */
public abstract class WorkspaceSandbox implements Sandbox {

  /** The exit code of a killed process. */
  protected static final int KILLED = 137;

  protected final String id;
  protected final SandboxSpec.Limits limits;
  protected final HostWorkspace workspace;
  private final Instant deadline;
  private boolean closed;

  protected WorkspaceSandbox(String id, SandboxSpec.Limits limits, HostWorkspace workspace) {
    this.id = id;
    this.limits = limits;
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

  /** Milliseconds left of the wall time; never negative. */
  protected long remainingMillis() {
    return Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
  }

  /** True the first time only: the caller then releases what the sandbox holds. */
  protected boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }

  /** Closes the sandbox and reports the command as killed at the wall time. */
  protected ExecResult killedAtWallTime(OutputLines lines, Instant start) {
    close();
    return new ExecResult(
        KILLED, true, false, lines.truncated(), Duration.between(start, Instant.now()));
  }

  /** Closes the sandbox after the waiting thread was interrupted; returns what to throw. */
  protected SandboxFailure interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    close();
    return new SandboxFailure("Interrupted while " + id + " ran a command", e);
  }

  protected void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Sandbox " + id + " is closed");
    }
  }
}
