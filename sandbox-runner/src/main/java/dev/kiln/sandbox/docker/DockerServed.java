package dev.kiln.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.Served;
import dev.kiln.sandbox.internal.OutputLines;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command served from a container on the {@link ServeNetwork}: a {@code docker exec} whose output
 * streams until it ends. The command records its pid and {@code docker exec} makes it a session
 * leader, so {@link #stop()} kills, with another exec, its process tree and its session (orphans
 * included; only a process that left the session and lost its parent escapes, until the sandbox
 * closes).
 */
final class DockerServed implements Served {

  /** Records the shell's pid in {@code $0}, then becomes the command. */
  static final String RECORD_PID = "echo $$ > \"$0\" && exec \"$@\"";

  /**
   * Kills the process tree of the command whose pid is in {@code $1} (waiting briefly for the file
   * of a command just starting): freezes it, then every live process whose parent is frozen or that
   * shares its session, until the tree stops growing; then kills them all, and sweeps the session
   * until it is empty.
   */
  static final String KILL_TREE =
      """
      f=$1; i=0
      while [ ! -s "$f" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
      read -r root 2>/dev/null < "$f"; case $root in ''|*[!0-9]*) exit 3;; esac
      kill -STOP "$root" 2>/dev/null; tree=" $root "
      scan() {
        found=0
        for s in /proc/[0-9]*/stat; do
          read -r line 2>/dev/null < "$s" || continue
          pid=${line%% *}; rest=${line##*) }; set -- $rest
          [ "$1" = Z ] && continue
          case "$tree" in *" $pid "*) continue;; esac
          case "$tree" in *" $2 "*) ;; *) [ "$4" = "$root" ] || continue;; esac
          kill -$sig "$pid" 2>/dev/null; tree="$tree$pid "; found=1
        done
      }
      sig=STOP; r=0; scan
      while [ $found = 1 ] && [ $r -lt 50 ]; do r=$((r+1)); scan; done
      for pid in $tree; do kill -KILL "$pid" 2>/dev/null; done
      sig=KILL; r=0; tree=" "; scan
      while [ $found = 1 ] && [ $r -lt 50 ]; do r=$((r+1)); sleep 0.05; tree=" "; scan; done
      """;

  private static final long STOP_WAIT_SECONDS = 15;
  private static final int KILLED = 137;

  private final DockerClient docker;
  private final DockerSandbox sandbox;
  private final String execId;
  private final String pidFile;
  private final InetSocketAddress address;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile Integer exitCode;

  private DockerServed(
      DockerClient docker,
      DockerSandbox sandbox,
      String execId,
      String pidFile,
      InetSocketAddress address) {
    this.docker = docker;
    this.sandbox = sandbox;
    this.execId = execId;
    this.pidFile = pidFile;
    this.address = address;
  }

  /**
   * Starts {@code command} (already wrapped by the sandbox) as an attached exec in the background.
   */
  static DockerServed start(
      DockerClient docker,
      DockerSandbox sandbox,
      List<String> command,
      String pidFile,
      InetSocketAddress address,
      OutputLines lines) {
    String execId =
        docker
            .execCreateCmd(sandbox.containerId())
            .withCmd(command.toArray(String[]::new))
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    DockerServed served = new DockerServed(docker, sandbox, execId, pidFile, address);
    docker.execStartCmd(execId).exec(served.streamTo(lines));
    return served;
  }

  /** Completes once the command's output ends: it and all that shared its output are gone. */
  CompletableFuture<Void> ended() {
    return ended;
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  @Override
  public boolean alive() {
    return !ended.isDone();
  }

  @Override
  public OptionalInt exitCode() {
    if (alive()) {
      return OptionalInt.empty();
    }
    if (exitCode == null) {
      exitCode = inspectExitCode();
    }
    return OptionalInt.of(exitCode);
  }

  @Override
  public void stop() {
    if (!alive()) {
      return;
    }
    try {
      sandbox.exec(List.of("/bin/sh", "-c", KILL_TREE, "sh", pidFile), line -> {});
    } catch (RuntimeException closedMeanwhile) {
      // a closed sandbox has no processes left
    }
    try {
      ended.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // close() remains the backstop
    }
  }

  private ResultCallback.Adapter<Frame> streamTo(OutputLines lines) {
    return new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        lines.accept(
            frame.getStreamType() == StreamType.STDERR
                ? Sandbox.Stream.STDERR
                : Sandbox.Stream.STDOUT,
            frame.getPayload());
      }

      @Override
      public void onComplete() {
        super.onComplete();
        end(lines);
      }

      @Override
      public void onError(Throwable error) {
        super.onError(error);
        end(lines);
      }
    };
  }

  private void end(OutputLines lines) {
    lines.finish();
    ended.complete(null);
  }

  /** The exec's exit code; killed when the container is gone or Docker has none to tell. */
  private int inspectExitCode() {
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        InspectExecResponse inspect = docker.inspectExecCmd(execId).exec();
        if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) {
          return inspect.getExitCodeLong().intValue();
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return KILLED;
      } catch (RuntimeException containerGone) {
        return KILLED;
      }
    }
    return KILLED;
  }
}
