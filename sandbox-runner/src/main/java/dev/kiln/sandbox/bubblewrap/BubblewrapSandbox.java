package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.Served;
import dev.kiln.sandbox.internal.HostWorkspace;
import dev.kiln.sandbox.internal.OutputLines;
import dev.kiln.sandbox.internal.WorkspaceSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A bubblewrap sandbox: a workspace, mounts and cgroups that outlive each command. Every command,
 * served ones too, runs in a bwrap of its own; a served one also gets the directory of its {@link
 * ServeRelay} and runs behind {@code serve-relay.js}.
 */
final class BubblewrapSandbox extends WorkspaceSandbox {

  /** Joins the sandbox's cgroups, then runs bwrap with the filter program open on fd 9. */
  private static final String JOIN_CGROUPS =
      "for f in $KILN_CGROUP_PROCS; do echo $$ > \"$f\" || exit 125; done;"
          + " exec \"$@\" 9< \"$KILN_SECCOMP\"";

  /**
   * What confines every command besides namespaces and cgroups.
   *
   * @param seccomp the system call filter program ({@code struct sock_filter}s) on the host
   * @param egress the {@link HostProxy} directory for REGISTRY_ONLY sandboxes, else null
   * @param serveRelay {@code serve-relay.js} on the host for SERVE sandboxes, else null
   */
  record Confinement(Path seccomp, Path egress, Path serveRelay) {}

  /** Where a served command's bwrap sees {@code serve-relay.js}. */
  private static final String SERVE_RELAY = "/opt/kiln/serve-relay.js";

  private static final Path CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  private final Mounts mounts;
  private final Cgroup cgroup;
  private final Path dependencies;
  private final Confinement confinement;
  private final AtomicInteger serveCount = new AtomicInteger();

  BubblewrapSandbox(
      String id,
      SandboxSpec spec,
      HostWorkspace workspace,
      Mounts mounts,
      Cgroup cgroup,
      Confinement confinement) {
    super(id, spec.limits(), spec.network(), workspace);
    this.dependencies = spec.dependencies();
    this.mounts = mounts;
    this.cgroup = cgroup;
    this.confinement = confinement;
  }

  @Override
  public ExecResult exec(List<String> command, Consumer<OutputLine> output) {
    requireOpen();
    Instant start = Instant.now();
    long oomBefore = cgroup.oomKills();
    OutputLines lines = new OutputLines(output, limits.outputBytes());
    Process process = start(commandLine(command, null));
    Thread out = pump(process.getInputStream(), Stream.STDOUT, lines);
    Thread err = pump(process.getErrorStream(), Stream.STDERR, lines);
    boolean finished;
    try {
      finished = process.waitFor(remainingMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        cgroup.killAll();
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      out.join(Duration.ofSeconds(5));
      err.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      throw interrupted(e, () -> ProcessTrees.kill(process, 5));
    }
    lines.finish();
    if (!finished) {
      return killedAtWallTime(lines, start);
    }
    Duration took = Duration.between(start, Instant.now());
    int code = process.exitValue();
    boolean oom = cgroup.oomKills() > oomBefore;
    return new ExecResult(
        oom && code != KILLED ? KILLED : code, false, oom, lines.truncated(), took);
  }

  /**
   * Runs the command behind {@code serve-relay.js}, which listens on a Unix socket in a fresh relay
   * directory bound into this command's bwrap only.
   */
  @Override
  protected Served startServing(List<String> command, int port, Consumer<OutputLine> output) {
    ServeRelay relay =
        ServeRelay.open(
            workspace.root().resolveSibling(id + ".serve-" + serveCount.incrementAndGet()));
    List<String> relayed = new ArrayList<>(List.of("node", SERVE_RELAY, String.valueOf(port)));
    relayed.addAll(command);
    Process process;
    try {
      process = start(commandLine(relayed, relay));
    } catch (RuntimeException e) {
      relay.close();
      throw e;
    }
    OutputLines lines = new OutputLines(output, limits.outputBytes());
    Thread out = pump(process.getInputStream(), Stream.STDOUT, lines);
    Thread err = pump(process.getErrorStream(), Stream.STDERR, lines);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                out.join();
                err.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              lines.finish();
            });
    closeAtWallTime(process.onExit());
    return new BubblewrapServed(process, relay);
  }

  @Override
  public Optional<byte[]> readFile(String path) {
    requireOpen();
    return workspace.read(path);
  }

  @Override
  public void moveOut(String directory, Path target) {
    requireOpen();
    workspace.moveOut(directory, target);
  }

  @Override
  public void close() {
    if (!markClosed()) {
      return;
    }
    stopServing();
    cgroup.destroy();
    mounts.destroy();
    workspace.delete();
  }

  boolean leftOnHost() {
    return cgroup.exists()
        || mounts.exists()
        || Files.exists(workspace.root())
        || served().stream()
            .map(BubblewrapServed.class::cast)
            .anyMatch(BubblewrapServed::leftOnHost);
  }

  /** Starts bwrap (as {@link #commandLine} says) in the sandbox's cgroups. */
  private Process start(List<String> commandLine) {
    try {
      ProcessBuilder builder = new ProcessBuilder(commandLine);
      builder.environment().clear();
      builder.environment().put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
      builder
          .environment()
          .put(
              "KILN_CGROUP_PROCS",
              cgroup.procsFiles().stream().map(Path::toString).collect(Collectors.joining(" ")));
      builder.environment().put("KILN_SECCOMP", confinement.seccomp().toString());
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      return builder.start();
    } catch (IOException e) {
      throw new SandboxFailure("Could not start bwrap for " + id, e);
    }
  }

  /**
   * The whole command line for one command.
   *
   * @param relay the relay a served command listens for, else null
   */
  private List<String> commandLine(List<String> command, ServeRelay relay) {
    List<String> line = new ArrayList<>(List.of("/bin/sh", "-c", JOIN_CGROUPS, "sh"));
    int uid = HostWorkspace.SANDBOX_UID;
    line.addAll(
        List.of(
            "setpriv",
            "--reuid=" + uid,
            "--regid=" + uid,
            "--clear-groups",
            "--inh-caps=-all",
            "--bounding-set=-all",
            "--no-new-privs"));
    line.addAll(
        List.of(
            "bwrap",
            "--unshare-all",
            "--unshare-user",
            "--disable-userns",
            "--uid",
            String.valueOf(uid),
            "--gid",
            String.valueOf(uid),
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--setenv",
            "HOME",
            "/home/sandbox",
            "--setenv",
            "PATH",
            "/usr/bin:/bin",
            "--setenv",
            "NODE_ENV",
            "development",
            "--ro-bind",
            "/usr",
            "/usr"));
    for (String top : List.of("bin", "lib", "lib64", "sbin")) {
      Path host = Path.of("/" + top);
      if (Files.isSymbolicLink(host)) {
        try {
          line.addAll(
              List.of("--symlink", Files.readSymbolicLink(host).toString(), host.toString()));
        } catch (IOException e) {
          throw new SandboxFailure("Could not read " + host, e);
        }
      } else if (Files.isDirectory(host)) {
        line.addAll(List.of("--ro-bind", host.toString(), host.toString()));
      }
    }
    line.addAll(
        List.of(
            "--ro-bind-try",
            "/etc/alternatives",
            "/etc/alternatives",
            "--proc",
            "/proc",
            "--dev",
            "/dev"));
    mounts
        .byTarget()
        .forEach((target, host) -> line.addAll(List.of("--bind", host.toString(), target)));
    line.addAll(List.of("--bind", workspace.root().toString(), "/workspace"));
    if (dependencies != null) {
      line.addAll(List.of("--ro-bind", dependencies.toString(), "/workspace/node_modules"));
    }
    if (confinement.egress() != null) {
      line.addAll(List.of("--ro-bind", confinement.egress().toString(), HostProxy.SANDBOX_DIR));
      List<String> env = HostProxy.environment();
      for (int i = 0; i < env.size(); i += 2) {
        line.addAll(List.of("--setenv", env.get(i), env.get(i + 1)));
      }
      // The host's public CA certificates, so TLS through the proxy verifies as it does outside.
      if (Files.isRegularFile(CA_BUNDLE)) {
        line.addAll(List.of("--ro-bind", CA_BUNDLE.getParent().toString(), "/etc/ssl/certs"));
        line.addAll(List.of("--setenv", "NODE_EXTRA_CA_CERTS", CA_BUNDLE.toString()));
      }
    }
    if (relay != null) {
      line.addAll(List.of("--bind", relay.dir().toString(), ServeRelay.SANDBOX_DIR));
      line.addAll(List.of("--ro-bind", confinement.serveRelay().toString(), SERVE_RELAY));
    }
    line.addAll(List.of("--chdir", "/workspace", "--cap-drop", "ALL", "--seccomp", "9", "--"));
    if (confinement.egress() != null) {
      line.addAll(List.of("node", HostProxy.FORWARDER));
    }
    line.addAll(command);
    return line;
  }

  private static Thread pump(InputStream in, Stream stream, OutputLines lines) {
    return Thread.ofVirtual()
        .start(
            () -> {
              byte[] buffer = new byte[8192];
              try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  lines.accept(stream, Arrays.copyOf(buffer, n));
                }
              } catch (IOException ignored) {
                // the process is gone
              }
            });
  }
}
