package dev.kiln.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.sandbox.internal.HostWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The host side of a bubblewrap SERVE sandbox, without bwrap: the sandbox controls the relay's
 * directory until the socket appears, so the host must never follow what it put there to a socket
 * of the host's own. Needs root (it hands the directory to the sandbox user), like the backend.
 */
class ServeRelayIT {

  @Test
  void relaysToTheSandboxSocketAndTakesTheDirectoryFromTheSandbox() throws Exception {
    Path base = Files.createTempDirectory("kiln-relay");
    Path dir = base.resolve("serve");
    try (ServeRelay relay = ServeRelay.open(dir);
        ServerSocketChannel inside = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      assertThat(relay.ready()).as("no socket yet").isFalse();
      inside.bind(UnixDomainSocketAddress.of(dir.resolve(ServeRelay.SOCKET)));
      Files.setAttribute(dir.resolve(ServeRelay.SOCKET), "unix:uid", HostWorkspace.SANDBOX_UID);
      Thread.ofVirtual().start(() -> echoOnce(inside));

      assertThat(relay.ready()).isTrue();
      assertThat(Files.getAttribute(dir, "unix:uid")).isEqualTo(0);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwxr-xr-x");
      try (Socket client = new Socket(relay.address().getAddress(), relay.address().getPort())) {
        client.setSoTimeout(10_000);
        client.getOutputStream().write("through\n".getBytes());
        client.shutdownOutput();
        assertThat(new String(client.getInputStream().readAllBytes())).isEqualTo("through\n");
      }
    } finally {
      HostWorkspace.deleteTree(base);
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void aLinkInPlaceOfTheSocketIsNeverFollowed() throws Exception {
    Path base = Files.createTempDirectory("kiln-relay");
    Path dir = base.resolve("serve");
    Path hostSocket = base.resolve("host.sock");
    AtomicInteger accepted = new AtomicInteger();
    try (ServeRelay relay = ServeRelay.open(dir);
        ServerSocketChannel host = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      host.bind(UnixDomainSocketAddress.of(hostSocket));
      Thread.ofVirtual().start(() -> countAccepts(host, accepted));
      Files.createSymbolicLink(dir.resolve(ServeRelay.SOCKET), hostSocket);

      assertThat(relay.ready()).isFalse();
      assertThat(relay.refused()).isTrue();
      try (Socket client = new Socket(relay.address().getAddress(), relay.address().getPort())) {
        client.setSoTimeout(10_000);
        client.getOutputStream().write("GET /containers/json HTTP/1.0\r\n\r\n".getBytes());
        InputStream in = client.getInputStream();
        assertThat(in.read()).as("the connection is closed, nothing relayed").isEqualTo(-1);
      } catch (IOException reset) {
        // closed before the request was written: nothing relayed either
      }
      Thread.sleep(300);
      assertThat(accepted).as("the host's socket was never reached").hasValue(0);
    } finally {
      HostWorkspace.deleteTree(base);
    }
  }

  private static void echoOnce(ServerSocketChannel server) {
    try (SocketChannel channel = server.accept()) {
      ByteBuffer buffer = ByteBuffer.allocate(1024);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        channel.write(buffer);
        buffer.clear();
      }
    } catch (IOException e) {
      // the test failed elsewhere
    }
  }

  private static void countAccepts(ServerSocketChannel server, AtomicInteger accepted) {
    while (server.isOpen()) {
      try (SocketChannel ignored = server.accept()) {
        accepted.incrementAndGet();
      } catch (IOException e) {
        return;
      }
    }
  }
}
