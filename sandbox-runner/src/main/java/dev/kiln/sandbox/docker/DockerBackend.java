package dev.kiln.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.internal.HostWorkspace;
import dev.kiln.sandbox.internal.SyscallFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sandboxes as Docker containers: non-root, every capability dropped, no-new-privileges, the
 * default seccomp profile with Kiln's {@link SyscallFilter} stacked on it for every command (the
 * default profile allows {@code ptrace}), a read-only root with size-limited tmpfs scratch, memory
 * equal to memory+swap, CPU and pids limits, {@code --network none} (REGISTRY_ONLY: the {@link
 * EgressNetwork}; SERVE: the {@link ServeNetwork}, whose container addresses only the host reaches,
 * so Kiln must run on the Docker host to serve), and no host mount but the job's workspace. Never
 * the Docker socket. SERVE sandboxes come from the warm pool like the others (its key holds the
 * policy).
 */
public final class DockerBackend implements SandboxBackend {

  /** The label every Kiln sandbox container carries, with the sandbox id. */
  public static final String LABEL = "dev.kiln.sandbox";

  static final String TMP_SIZE = "64m";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);

  /** A started, idle container and its workspace, not yet handed to a job. */
  record Started(String containerId, String id, HostWorkspace workspace) {}

  /**
   * @param poolSize started containers kept idle per image, limits and network policy
   * @param proxyImage the image the egress proxy runs in (it holds {@code egress-proxy.js})
   * @param allowlist host names REGISTRY_ONLY sandboxes may reach through the proxy
   */
  public record Options(int poolSize, String proxyImage, List<String> allowlist) {
    public static Options defaults() {
      return new Options(0, "kiln/sandbox-node:latest", List.of("registry.npmjs.org"));
    }

    public Options withPoolSize(int size) {
      return new Options(size, proxyImage, allowlist);
    }
  }

  private final DockerClient docker;
  private final Path workspaces;
  private final WarmPool pool;
  private final EgressNetwork egress;
  private final ServeNetwork serve;
  private final SyscallFilter filter = SyscallFilter.forHost();

  private DockerBackend(DockerClient docker, Path workspaces, Options options) {
    this.docker = docker;
    this.workspaces = workspaces;
    this.pool = new WarmPool(options.poolSize(), this::start, this::remove);
    this.egress = new EgressNetwork(docker, options.proxyImage(), options.allowlist());
    this.serve = new ServeNetwork(docker);
  }

  /**
   * A backend talking to the daemon at {@code dockerHost} (e.g. {@code
   * unix:///var/run/docker.sock}), keeping job workspaces under {@code workspaces}.
   */
  public static DockerBackend connect(String dockerHost, Path workspaces) {
    return connect(dockerHost, workspaces, Options.defaults());
  }

  /**
   * As {@link #connect(String, Path)}, keeping {@code poolSize} started containers ready per
   * (image, limits) once that pair has been asked for or {@link #warm warmed}.
   */
  public static DockerBackend connect(String dockerHost, Path workspaces, int poolSize) {
    return connect(dockerHost, workspaces, Options.defaults().withPoolSize(poolSize));
  }

  /** A backend with every option given. */
  public static DockerBackend connect(String dockerHost, Path workspaces, Options options) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .maxConnections(64)
            .connectionTimeout(CONNECT_TIMEOUT)
            .responseTimeout(RESPONSE_TIMEOUT)
            .build();
    return new DockerBackend(DockerClientImpl.getInstance(config, http), workspaces, options);
  }

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public boolean available() {
    try {
      docker.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** How many started containers wait for sandboxes like {@code spec}. */
  int idle(SandboxSpec spec) {
    return pool.idle(key(spec));
  }

  /** Starts filling the warm pool for sandboxes like {@code spec}. */
  public void warm(SandboxSpec spec) {
    ensureNetwork(spec.network());
    pool.fill(key(spec));
  }

  @Override
  public Sandbox open(SandboxSpec spec) {
    ensureNetwork(spec.network());
    WarmPool.Key key = key(spec);
    Started started = pool.take(key).orElseGet(() -> start(key));
    return new DockerSandbox(
        docker,
        started.containerId(),
        started.id(),
        spec,
        started.workspace(),
        filter,
        spec.network() == SandboxSpec.NetworkPolicy.SERVE ? serve : null);
  }

  private static WarmPool.Key key(SandboxSpec spec) {
    return new WarmPool.Key(spec.image(), spec.limits(), spec.network(), spec.dependencies());
  }

  /** Prepares the network a policy needs (none for NONE). */
  private void ensureNetwork(SandboxSpec.NetworkPolicy network) {
    try {
      switch (network) {
        case REGISTRY_ONLY -> egress.ensure();
        case SERVE -> serve.ensure();
        case NONE -> {}
      }
    } catch (RuntimeException e) {
      throw e instanceof SandboxFailure f
          ? f
          : new SandboxFailure("Could not prepare the " + network + " network", e);
    }
  }

  /** Creates and starts a container with its own empty workspace. */
  private Started start(WarmPool.Key key) {
    String id = "kiln-" + UUID.randomUUID();
    HostWorkspace workspace = HostWorkspace.create(workspaces, id);
    try {
      CreateContainerResponse created =
          docker
              .createContainerCmd(key.image())
              .withName(id)
              .withUser(HostWorkspace.SANDBOX_UID + ":" + HostWorkspace.SANDBOX_UID)
              .withWorkingDir("/workspace")
              .withEnv(environment(key.network()))
              .withLabels(Map.of(LABEL, id))
              .withCmd("sleep", "2147483647")
              .withHostConfig(hostConfig(key, workspace.root()))
              .exec();
      docker.startContainerCmd(created.getId()).exec();
      return new Started(created.getId(), id, workspace);
    } catch (RuntimeException e) {
      removeQuietly(id);
      workspace.delete();
      throw new SandboxFailure("Docker could not start a sandbox from " + key.image(), e);
    }
  }

  private void remove(Started started) {
    removeQuietly(started.id());
    started.workspace().delete();
  }

  private static List<String> environment(SandboxSpec.NetworkPolicy network) {
    List<String> env =
        new java.util.ArrayList<>(
            List.of("HOME=/home/sandbox", "PATH=/usr/bin:/bin", "NODE_ENV=development"));
    if (network == SandboxSpec.NetworkPolicy.REGISTRY_ONLY) {
      env.addAll(EgressNetwork.proxyEnvironment());
    }
    return env;
  }

  static HostConfig hostConfig(WarmPool.Key key, Path workspace) {
    SandboxSpec.Limits limits = key.limits();
    SandboxSpec.NetworkPolicy network = key.network();
    List<Bind> binds = new java.util.ArrayList<>();
    binds.add(new Bind(workspace.toString(), new Volume("/workspace"), AccessMode.rw));
    if (key.dependencies() != null) {
      binds.add(
          new Bind(
              key.dependencies().toString(), new Volume("/workspace/node_modules"), AccessMode.ro));
    }
    String scratch =
        "rw,exec,nosuid,nodev,uid=1000,gid=1000,mode=0755,size=" + limits.scratchBytes();
    return HostConfig.newHostConfig()
        .withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
        .withPidsLimit(limits.pids())
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withReadonlyRootfs(true)
        .withTmpFs(
            Map.of(
                "/scratch",
                scratch,
                "/tmp",
                "rw,exec,nosuid,nodev,mode=1777,size=" + TMP_SIZE,
                "/home/sandbox",
                "rw,exec,nosuid,nodev,mode=0700,uid=1000,gid=1000,size=" + TMP_SIZE))
        .withBinds(binds)
        .withNetworkMode(networkMode(network))
        .withInit(true)
        .withIpcMode("private")
        .withPrivileged(false);
  }

  private static String networkMode(SandboxSpec.NetworkPolicy network) {
    return switch (network) {
      case NONE -> "none";
      case REGISTRY_ONLY -> EgressNetwork.NETWORK;
      case SERVE -> ServeNetwork.NETWORK;
    };
  }

  private void removeQuietly(String name) {
    try {
      docker.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
    } catch (RuntimeException ignored) {
      // nothing was created
    }
  }

  @Override
  public void close() {
    pool.close();
    try {
      docker.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
