package dev.kiln.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.sandbox.EgressContract;
import dev.kiln.sandbox.SandboxBackend;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The egress contract for bubblewrap: a loopback-only namespace and the proxy on a Unix socket. */
class BubblewrapEgressIT extends EgressContract {

  static BubblewrapBackend backend;

  @BeforeAll
  static void prepare() throws Exception {
    backend = new BubblewrapBackend(Files.createTempDirectory("kiln-bwrap-egress"), ALLOWLIST);
    assertThat(backend.available())
        .as("bubblewrap sandboxes need root, bwrap, setpriv, mount and cgroups")
        .isTrue();
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  @Override
  protected SandboxBackend backend() {
    return backend;
  }

  /** Every IPv4 address of the host's interfaces (loopback is the sandbox's own in its netns). */
  @Override
  protected List<String> hostAddresses() {
    try {
      return NetworkInterface.networkInterfaces()
          .flatMap(NetworkInterface::inetAddresses)
          .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
          .map(a -> a.getHostAddress())
          .toList();
    } catch (java.net.SocketException e) {
      throw new IllegalStateException(e);
    }
  }
}
