package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.internal.HostWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Kiln's allowlisting egress proxy for bubblewrap sandboxes: a host process, run as the sandbox
 * user without capabilities, listening on a Unix socket in a directory that REGISTRY_ONLY sandboxes
 * get read-only at {@value #SANDBOX_DIR}. Their network namespace has only a loopback, where {@code
 * egress-forward.js} (in the same directory) relays to the socket: the proxy is the only way out.
 */
final class HostProxy implements AutoCloseable {

  /** Where a REGISTRY_ONLY sandbox sees the proxy's directory. */
  static final String SANDBOX_DIR = "/run/kiln";

  static final String FORWARDER = SANDBOX_DIR + "/egress-forward.js";
  static final String URL = "http://127.0.0.1:3128";
  private static final long START_MILLIS = 10_000;

  private final Path dir;
  private final List<String> allowlist;
  private Process process;

  HostProxy(Path dir, List<String> allowlist) {
    this.dir = dir;
    this.allowlist = List.copyOf(allowlist);
  }

  /** The environment a REGISTRY_ONLY sandbox gets to find the forwarder. */
  static List<String> environment() {
    return List.of(
        "HTTPS_PROXY",
        URL,
        "HTTP_PROXY",
        URL,
        "https_proxy",
        URL,
        "http_proxy",
        URL,
        "npm_config_proxy",
        URL,
        "npm_config_https_proxy",
        URL);
  }

  /** Starts the proxy unless it is running; answers the directory to bind. Idempotent. */
  synchronized Path ensure() {
    Path socket = dir.resolve("proxy.sock");
    if (process != null && process.isAlive() && Files.exists(socket)) {
      return dir;
    }
    stop();
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setAttribute(dir, "unix:uid", HostWorkspace.SANDBOX_UID);
      Files.setAttribute(dir, "unix:gid", HostWorkspace.SANDBOX_UID);
      Path proxy = copyScript("egress-proxy.js");
      copyScript("egress-forward.js");
      Files.deleteIfExists(socket);
      int uid = HostWorkspace.SANDBOX_UID;
      ProcessBuilder builder =
          new ProcessBuilder(
              "setpriv",
              "--reuid=" + uid,
              "--regid=" + uid,
              "--clear-groups",
              "--inh-caps=-all",
              "--bounding-set=-all",
              "--no-new-privs",
              "node",
              proxy.toString());
      builder.environment().put("KILN_EGRESS_ALLOW", String.join(",", allowlist));
      builder.environment().put("KILN_EGRESS_SOCKET", socket.toString());
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
      process = builder.start();
      long deadline = System.currentTimeMillis() + START_MILLIS;
      while (!Files.exists(socket)) {
        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
          stop();
          throw new SandboxFailure("The egress proxy did not start (is node on the PATH?)");
        }
        Thread.sleep(20);
      }
      return dir;
    } catch (IOException e) {
      stop();
      throw new SandboxFailure("Could not start the egress proxy", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new SandboxFailure("Interrupted while starting the egress proxy", e);
    }
  }

  private Path copyScript(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = HostProxy.class.getResourceAsStream("/dev/kiln/sandbox/image/" + name)) {
      if (in == null) {
        throw new SandboxFailure(name + " is missing from the sandbox-runner jar");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
    return target;
  }

  private void stop() {
    if (process != null) {
      ProcessTrees.kill(process, 5);
      process = null;
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }
}
