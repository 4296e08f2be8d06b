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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sandboxes as Docker containers: non-root, every capability dropped, no-new-privileges, the
 * default seccomp profile, a read-only root with size-limited tmpfs scratch, memory equal to
 * memory+swap, CPU and pids limits, {@code --network none}, and no host mount but the job's
 * workspace. Never the Docker socket.
 */
public final class DockerBackend implements SandboxBackend {

  /** The label every Kiln sandbox container carries, with the sandbox id. */
  public static final String LABEL = "dev.kiln.sandbox";

  static final String TMP_SIZE = "64m";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);

  private final DockerClient docker;
  private final Path workspaces;

  private DockerBackend(DockerClient docker, Path workspaces) {
    this.docker = docker;
    this.workspaces = workspaces;
  }

  /**
   * A backend talking to the daemon at {@code dockerHost} (e.g. {@code
   * unix:///var/run/docker.sock}), keeping job workspaces under {@code workspaces}.
   */
  public static DockerBackend connect(String dockerHost, Path workspaces) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .maxConnections(64)
            .connectionTimeout(CONNECT_TIMEOUT)
            .responseTimeout(RESPONSE_TIMEOUT)
            .build();
    return new DockerBackend(DockerClientImpl.getInstance(config, http), workspaces);
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

  @Override
  public Sandbox open(SandboxSpec spec) {
    if (spec.network() != SandboxSpec.NetworkPolicy.NONE) {
      throw new SandboxFailure(
          "Network policy " + spec.network() + " needs the egress proxy, which is not built yet");
    }
    String id = "kiln-" + UUID.randomUUID();
    HostWorkspace workspace = HostWorkspace.create(workspaces, id);
    try {
      CreateContainerResponse created =
          docker
              .createContainerCmd(spec.image())
              .withName(id)
              .withUser(HostWorkspace.SANDBOX_UID + ":" + HostWorkspace.SANDBOX_UID)
              .withWorkingDir("/workspace")
              .withEnv(List.of("HOME=/home/sandbox", "PATH=/usr/bin:/bin", "NODE_ENV=development"))
              .withLabels(Map.of(LABEL, id, LABEL + ".tenant", spec.tenant()))
              .withCmd("sleep", "2147483647")
              .withHostConfig(hostConfig(spec.limits(), workspace.root()))
              .exec();
      docker.startContainerCmd(created.getId()).exec();
      return new DockerSandbox(docker, created.getId(), id, spec.limits(), workspace);
    } catch (RuntimeException e) {
      removeQuietly(id);
      workspace.delete();
      throw new SandboxFailure("Docker could not start a sandbox from " + spec.image(), e);
    }
  }

  static HostConfig hostConfig(SandboxSpec.Limits limits, Path workspace) {
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
        .withBinds(new Bind(workspace.toString(), new Volume("/workspace"), AccessMode.rw))
        .withNetworkMode("none")
        .withInit(true)
        .withIpcMode("private")
        .withPrivileged(false);
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
    try {
      docker.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
