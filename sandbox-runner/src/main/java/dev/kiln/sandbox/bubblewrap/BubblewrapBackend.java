package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.internal.HostWorkspace;
import dev.kiln.sandbox.internal.SyscallFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

/**
 * Sandboxes for hosts without Docker. Each command runs in a fresh bwrap (all namespaces unshared,
 * no network, nested user namespaces disabled, every capability dropped, Kiln's {@link
 * SyscallFilter}, a read-only view of the host's {@code /usr}) as the unprivileged uid 1000; the
 * sandbox's cgroups bound processes, memory and CPU, and its {@code /scratch}, {@code /tmp} and
 * home are size-limited tmpfs mounts that live as long as the sandbox. REGISTRY_ONLY sandboxes
 * reach only the {@link HostProxy}, through a Unix socket; SERVE sandboxes reach nothing, and the
 * host reaches their served port through a {@link ServeRelay}. The image name is not used: the
 * host's Node runs.
 */
public final class BubblewrapBackend implements SandboxBackend {

  private static final List<String> TOOLS = List.of("bwrap", "setpriv", "mount", "umount");

  private final Path workspaces;
  private final HostProxy proxy;
  private final SyscallFilter filter = SyscallFilter.forHost();

  /** A backend whose REGISTRY_ONLY sandboxes reach only the npm registry. */
  public BubblewrapBackend(Path workspaces) {
    this(workspaces, List.of("registry.npmjs.org"));
  }

  /**
   * @param workspaces where sandbox workspaces and mounts live on the host
   * @param allowlist host names REGISTRY_ONLY sandboxes may reach through the proxy
   */
  public BubblewrapBackend(Path workspaces, List<String> allowlist) {
    this.workspaces = workspaces;
    this.proxy = new HostProxy(workspaces.resolve(".egress"), allowlist);
  }

  @Override
  public String name() {
    return "bubblewrap";
  }

  @Override
  public boolean available() {
    return isRoot() && TOOLS.stream().allMatch(BubblewrapBackend::onPath) && Cgroup.supported();
  }

  @Override
  public Sandbox open(SandboxSpec spec) {
    if (!available()) {
      throw new SandboxFailure("bubblewrap sandboxes need root, bwrap, setpriv, mount and cgroups");
    }
    String id = "kiln-" + UUID.randomUUID();
    Path seccomp = prepareParent();
    Path egress = spec.network() == SandboxSpec.NetworkPolicy.REGISTRY_ONLY ? proxy.ensure() : null;
    Path serveRelay =
        spec.network() == SandboxSpec.NetworkPolicy.SERVE ? writeOnce("serve-relay.js") : null;
    HostWorkspace workspace = HostWorkspace.create(workspaces, id);
    Mounts mounts = null;
    Cgroup cgroup = null;
    try {
      mounts = Mounts.create(workspaces.resolve(id + ".mounts"), spec.limits());
      cgroup = Cgroup.create(id, spec.limits());
      if (spec.dependencies() != null) {
        Files.createDirectories(workspace.root().resolve("node_modules"));
      }
      return new BubblewrapSandbox(
          id,
          spec,
          workspace,
          mounts,
          cgroup,
          new BubblewrapSandbox.Confinement(seccomp, egress, serveRelay));
    } catch (IOException | RuntimeException e) {
      if (cgroup != null) {
        cgroup.destroy();
      }
      if (mounts != null) {
        mounts.destroy();
      }
      workspace.delete();
      throw e instanceof SandboxFailure f ? f : new SandboxFailure("Could not open a sandbox", e);
    }
  }

  /**
   * The sandbox user must be able to reach its directories through this one and its parents; the
   * system call filter is written beside them. Answers the filter's file.
   */
  private Path prepareParent() {
    try {
      Files.createDirectories(workspaces);
      Files.setPosixFilePermissions(workspaces, PosixFilePermissions.fromString("rwx--x--x"));
      Path seccomp = workspaces.resolve(".seccomp.bpf");
      byte[] program = filter.bytes();
      if (!Files.exists(seccomp)
          || !java.util.Arrays.equals(Files.readAllBytes(seccomp), program)) {
        Path written =
            Files.write(workspaces.resolve(".seccomp.bpf." + UUID.randomUUID()), program);
        Files.move(written, seccomp, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      for (Path dir = workspaces.toRealPath().getParent(); dir != null; dir = dir.getParent()) {
        if (!Files.getPosixFilePermissions(dir)
            .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          throw new SandboxFailure(
              dir
                  + " is not searchable by others, so the sandbox user cannot reach "
                  + workspaces
                  + " (chmod o+x it, or set KILN_SANDBOX_WORKSPACES elsewhere)");
        }
      }
      return seccomp;
    } catch (IOException e) {
      throw new SandboxFailure("Could not prepare " + workspaces, e);
    }
  }

  /**
   * A script of the sandbox image as {@code .NAME} in the workspaces directory, readable by the
   * sandbox user and rewritten only when it changed.
   */
  private Path writeOnce(String name) {
    try (InputStream in =
        BubblewrapBackend.class.getResourceAsStream("/dev/kiln/sandbox/image/" + name)) {
      if (in == null) {
        throw new SandboxFailure(name + " is missing from the sandbox-runner jar");
      }
      byte[] content = in.readAllBytes();
      Path target = workspaces.resolve("." + name);
      if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), content)) {
        Path written =
            Files.write(workspaces.resolve("." + name + "." + UUID.randomUUID()), content);
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("r--r--r--"));
        Files.move(written, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    } catch (IOException e) {
      throw new SandboxFailure("Could not write " + name + " under " + workspaces, e);
    }
  }

  /** Stops the egress proxy if it runs; sandboxes still open keep their own resources. */
  @Override
  public void close() {
    proxy.close();
  }

  private static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean onPath(String tool) {
    for (String dir :
        System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin:/sbin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", tool))
        || Files.isExecutable(Path.of("/sbin", tool));
  }
}
