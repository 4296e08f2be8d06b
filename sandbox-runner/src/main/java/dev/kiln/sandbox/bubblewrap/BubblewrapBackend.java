package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.internal.HostWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

/**
 * Sandboxes for hosts without Docker. Each command runs in a fresh bwrap (all namespaces unshared,
 * no network, nested user namespaces disabled, every capability dropped, a read-only view of the
 * host's {@code /usr}) as the unprivileged uid 1000; the sandbox's cgroups bound processes, memory
 * and CPU, and its {@code /scratch}, {@code /tmp} and home are size-limited tmpfs mounts that live
 * as long as the sandbox. The image name is not used: the host's Node runs.
 */
public final class BubblewrapBackend implements SandboxBackend {

  private static final List<String> TOOLS = List.of("bwrap", "setpriv", "mount", "umount");

  private final Path workspaces;

  public BubblewrapBackend(Path workspaces) {
    this.workspaces = workspaces;
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
    if (spec.network() != SandboxSpec.NetworkPolicy.NONE) {
      throw new SandboxFailure(
          "Network policy " + spec.network() + " needs the egress proxy, which is not built yet");
    }
    if (!available()) {
      throw new SandboxFailure("bubblewrap sandboxes need root, bwrap, setpriv, mount and cgroups");
    }
    String id = "kiln-" + UUID.randomUUID();
    prepareParent();
    HostWorkspace workspace = HostWorkspace.create(workspaces, id);
    Mounts mounts = null;
    Cgroup cgroup = null;
    try {
      mounts = Mounts.create(workspaces.resolve(id + ".mounts"), spec.limits());
      cgroup = Cgroup.create(id, spec.limits());
      if (spec.dependencies() != null) {
        Files.createDirectories(workspace.root().resolve("node_modules"));
      }
      return new BubblewrapSandbox(id, spec, workspace, mounts, cgroup);
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

  /** The sandbox user must be able to reach its directories through this one and its parents. */
  private void prepareParent() {
    try {
      Files.createDirectories(workspaces);
      Files.setPosixFilePermissions(workspaces, PosixFilePermissions.fromString("rwx--x--x"));
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
    } catch (IOException e) {
      throw new SandboxFailure("Could not prepare " + workspaces, e);
    }
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
