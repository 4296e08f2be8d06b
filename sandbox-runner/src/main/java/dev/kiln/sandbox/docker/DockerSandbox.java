package dev.kiln.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.Served;
import dev.kiln.sandbox.internal.HostWorkspace;
import dev.kiln.sandbox.internal.OutputLines;
import dev.kiln.sandbox.internal.SyscallFilter;
import dev.kiln.sandbox.internal.WorkspaceSandbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running container; commands run in it with {@code docker exec}, each under Kiln's system call
 * filter stacked on the daemon's default seccomp profile. A SERVE container serves from its address
 * on the {@link ServeNetwork}.
 */
final class DockerSandbox extends WorkspaceSandbox {

  private final DockerClient docker;
  private final String containerId;
  private final SyscallFilter filter;
  private final ServeNetwork serveNetwork;

  /**
   * @param serveNetwork the network SERVE sandboxes are on, or null for other policies
   */
  DockerSandbox(
      DockerClient docker,
      String containerId,
      String id,
      SandboxSpec spec,
      HostWorkspace workspace,
      SyscallFilter filter,
      ServeNetwork serveNetwork) {
    super(id, spec.limits(), spec.network(), workspace);
    this.docker = docker;
    this.containerId = containerId;
    this.filter = filter;
    this.serveNetwork = serveNetwork;
  }

  String containerId() {
    return containerId;
  }

  @Override
  public ExecResult exec(List<String> command, Consumer<OutputLine> output) {
    requireOpen();
    Instant start = Instant.now();
    OutputLines lines = new OutputLines(output, limits.outputBytes());
    String pidFile = "/tmp/.kiln-exec-" + UUID.randomUUID() + ".pid";
    List<String> recorded =
        new ArrayList<>(List.of("/bin/sh", "-c", DockerServed.RECORD_PID, pidFile));
    recorded.addAll(command);
    String execId;
    try {
      execId =
          docker
              .execCreateCmd(containerId)
              .withCmd(filter.wrap(recorded).toArray(String[]::new))
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec()
              .getId();
    } catch (RuntimeException e) {
      throw new SandboxFailure("Docker could not run a command in " + id, e);
    }
    ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            lines.accept(
                frame.getStreamType() == StreamType.STDERR ? Stream.STDERR : Stream.STDOUT,
                frame.getPayload());
          }
        };
    docker.execStartCmd(execId).exec(callback);
    boolean finished;
    try {
      finished = callback.awaitCompletion(remainingMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw interrupted(e, () -> stop(pidFile, callback));
    }
    lines.finish();
    if (!finished) {
      return killedAtWallTime(lines, start);
    }
    Duration took = Duration.between(start, Instant.now());
    Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
    int code = exit == null ? -1 : exit.intValue();
    boolean oom = code == KILLED && oomKilled();
    return new ExecResult(code, false, oom, lines.truncated(), took);
  }

  /**
   * Kills the process tree of the command that recorded its pid in {@code pidFile}, with another
   * exec, and waits briefly for its stream to end.
   */
  private void stop(String pidFile, ResultCallback.Adapter<Frame> callback) {
    exec(
        List.of("/bin/sh", "-c", DockerServed.KILL_TREE + "rm -f \"$1\"\n", "sh", pidFile),
        line -> {});
    try {
      callback.awaitCompletion(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  protected Served startServing(List<String> command, int port, Consumer<OutputLine> output) {
    String pidFile = "/tmp/.kiln-serve-" + UUID.randomUUID() + ".pid";
    List<String> recorded =
        new ArrayList<>(List.of("/bin/sh", "-c", DockerServed.RECORD_PID, pidFile));
    recorded.addAll(command);
    try {
      InetSocketAddress address =
          new InetSocketAddress(InetAddress.getByName(serveNetwork.address(containerId)), port);
      DockerServed served =
          DockerServed.start(
              docker,
              this,
              filter.wrap(recorded),
              pidFile,
              address,
              new OutputLines(output, limits.outputBytes()));
      closeAtWallTime(served.ended());
      return served;
    } catch (UnknownHostException | RuntimeException e) {
      throw new SandboxFailure("Docker could not serve from " + id, e);
    }
  }

  /** Pausing is per container: two at once would fail (409) or resume it under the other. */
  @Override
  public synchronized Optional<byte[]> readFile(String path) {
    requireOpen();
    pause();
    try {
      return workspace.read(path);
    } finally {
      unpause();
    }
  }

  @Override
  public synchronized void moveOut(String directory, java.nio.file.Path target) {
    requireOpen();
    pause();
    try {
      workspace.moveOut(directory, target);
    } finally {
      unpause();
    }
  }

  /**
   * Freezes the container. A freeze that an earlier resume did not see finish (below) leaves it
   * paused, which is what this wants.
   */
  private void pause() {
    try {
      docker.pauseContainerCmd(containerId).exec();
    } catch (ConflictException e) {
      if (!String.valueOf(e.getMessage()).contains("already paused")) {
        throw e;
      }
    }
  }

  /**
   * Resumes the container. runc may report a pause as done while the freezer is still reaching
   * {@code FROZEN} (seen with Chromium's processes exiting) and then refuse to resume a container
   * it says is not paused; the resume is repeated until the container runs.
   */
  private void unpause() {
    for (int attempt = 0; ; attempt++) {
      try {
        docker.unpauseContainerCmd(containerId).exec();
        return;
      } catch (InternalServerErrorException e) {
        if (!String.valueOf(e.getMessage()).contains("is not paused")) {
          throw e;
        }
      }
      Boolean paused = docker.inspectContainerCmd(containerId).exec().getState().getPaused();
      if (!Boolean.TRUE.equals(paused) && attempt >= 2) {
        return;
      }
      if (attempt >= 40) {
        throw new SandboxFailure("Docker could not resume " + id + " after reading from it");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SandboxFailure("Interrupted while resuming " + id, e);
      }
    }
  }

  /** Removing the container ends its served commands too. */
  @Override
  public void close() {
    if (!markClosed()) {
      return;
    }
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException ignored) {
      // already gone
    } finally {
      workspace.delete();
    }
  }

  /** True when the kernel killed a process of this container for passing its memory limit. */
  private boolean oomKilled() {
    InspectContainerResponse inspect = docker.inspectContainerCmd(containerId).exec();
    if (Boolean.TRUE.equals(inspect.getState().getOOMKilled())) {
      return true;
    }
    return MemoryEvents.oomKills(containerId) > 0;
  }
}
