package dev.kiln.sandbox.bubblewrap;

import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.internal.HostWorkspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's way into a bubblewrap SERVE sandbox: a TCP listener on the host's loopback whose
 * connections are relayed, on virtual threads, to the Unix socket that {@code serve-relay.js}
 * listens on inside (in a directory bound into the sandbox), which relays on to the served port.
 *
 * <p>The sandbox creates that socket, so before the first connection the directory is taken from it
 * (owned by root, read-only to it) and the socket checked: the host never connects to something the
 * sandbox could swap for a link to a host socket.
 */
final class ServeRelay implements AutoCloseable {

  /** The socket's name in the directory. */
  static final String SOCKET = "relay.sock";

  /** Where the directory is bound inside the sandbox (see {@code serve-relay.js}). */
  static final String SANDBOX_DIR = "/run/kiln-serve";

  private static final Logger log = LoggerFactory.getLogger(ServeRelay.class);
  private static final int SOCKET_TYPE = 0140000;
  private static final int TYPE_MASK = 0170000;
  private static final int MAX_SOCKET_PATH = 107;
  private static final int BUFFER = 64 * 1024;

  private final Path dir;
  private final Path socket;
  private final ServerSocketChannel listener;
  private final InetSocketAddress address;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
  private volatile boolean locked;
  private volatile boolean refused;
  private volatile boolean closed;

  private ServeRelay(Path dir, ServerSocketChannel listener) throws IOException {
    this.dir = dir;
    this.socket = dir.resolve(SOCKET);
    this.listener = listener;
    this.address = (InetSocketAddress) listener.getLocalAddress();
  }

  /**
   * Creates {@code dir} for the sandbox user (it must not exist) and starts listening on an
   * ephemeral port of the host's loopback.
   */
  static ServeRelay open(Path dir) {
    if (dir.resolve(SOCKET).toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
      throw new SandboxFailure(
          "The relay socket path "
              + dir.resolve(SOCKET)
              + " is too long for a Unix socket: set KILN_SANDBOX_WORKSPACES to a shorter path");
    }
    ServerSocketChannel listener = null;
    try {
      Files.createDirectory(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      Files.setAttribute(dir, "unix:uid", HostWorkspace.SANDBOX_UID);
      Files.setAttribute(dir, "unix:gid", HostWorkspace.SANDBOX_UID);
      listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      ServeRelay relay = new ServeRelay(dir, listener);
      Thread.ofVirtual().name("kiln-serve-accept").start(relay::accept);
      return relay;
    } catch (IOException e) {
      closeQuietly(listener);
      HostWorkspace.deleteTree(dir);
      throw new SandboxFailure("Could not open a relay for a served sandbox", e);
    }
  }

  /** The directory bound into the sandbox at {@value #SANDBOX_DIR}. */
  Path dir() {
    return dir;
  }

  /** Where the host connects. */
  InetSocketAddress address() {
    return address;
  }

  /**
   * True once the sandbox's relay socket is there, checked, and its directory locked against the
   * sandbox; false until then, and for good when the sandbox put something else there.
   */
  synchronized boolean ready() {
    if (locked || refused || closed || !Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return locked;
    }
    try {
      Files.setAttribute(dir, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(dir, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      int mode = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      int owner = (Integer) Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      locked = (mode & TYPE_MASK) == SOCKET_TYPE && owner == HostWorkspace.SANDBOX_UID;
      refused = !locked;
    } catch (IOException e) {
      refused = true;
    }
    if (refused) {
      log.warn(
          "{} is not the sandbox's relay socket; the served sandbox stays unreachable", socket);
    }
    return locked;
  }

  /** True when the sandbox put something else than its relay socket in the directory. */
  boolean refused() {
    return refused;
  }

  private void accept() {
    while (!closed) {
      try {
        SocketChannel client = listener.accept();
        Thread.ofVirtual().name("kiln-serve-relay").start(() -> relay(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Relays one connection both ways; either side closing its output is passed on. */
  private void relay(SocketChannel client) {
    SocketChannel inside = null;
    try {
      if (!ready()) {
        client.close();
        return;
      }
      inside = SocketChannel.open(UnixDomainSocketAddress.of(socket));
      open.add(client);
      open.add(inside);
      SocketChannel to = inside;
      Thread up = Thread.ofVirtual().start(() -> pump(client, to));
      pump(inside, client);
      up.join();
    } catch (IOException e) {
      // the served command is gone or not listening yet: the client sees the connection close
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      closeQuietly(inside);
      open.remove(client);
      if (inside != null) {
        open.remove(inside);
      }
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Stops listening, drops every relayed connection and removes the directory; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(listener);
    open.forEach(ServeRelay::closeQuietly);
    try {
      HostWorkspace.deleteTree(dir);
    } catch (java.io.UncheckedIOException e) {
      log.warn("Could not remove {}: {}", dir, e.getMessage());
    }
  }

  boolean leftOnHost() {
    return listener.isOpen() || Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
