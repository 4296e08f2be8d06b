package dev.kiln.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SERVE sandboxes: a command served in the background answers the host through {@link
 * Served#address()}, keeps answering while files are uploaded and commands run, stops when told or
 * when the sandbox closes or runs out of time, and reaches nothing itself: not the internet, not
 * the host's services, not another sandbox. Run against each backend, for real.
 */
public abstract class ServeContract {

  protected static final String IMAGE = "kiln/sandbox-node:latest";
  protected static final SandboxSpec SPEC =
      new SandboxSpec(
          IMAGE,
          SandboxSpec.Limits.defaults().withWallTime(Duration.ofMinutes(3)),
          SandboxSpec.NetworkPolicy.SERVE,
          "tenant-serve");

  /** Generous: two shared cores, and Node starting under load. */
  private static final Duration READY = Duration.ofSeconds(60);

  private static final String HELLO_SERVER =
      "require('http').createServer((q,s)=>s.end('hello '+q.url)).listen(3000,'0.0.0.0')";

  private final List<Sandbox> opened = Collections.synchronizedList(new ArrayList<>());

  protected abstract SandboxBackend backend();

  /** True when nothing of the sandbox is left on the host (container, processes, files). */
  protected abstract boolean goneFromHost(Sandbox sandbox);

  protected Sandbox open(SandboxSpec spec) {
    Sandbox sandbox = backend().open(spec);
    opened.add(sandbox);
    return sandbox;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Sandbox::close);
  }

  @Test
  void aServedHttpServerAnswersTheHost() {
    Sandbox sandbox = open(SPEC);
    long start = System.nanoTime();
    Served served = sandbox.serve(List.of("node", "-e", HELLO_SERVER), 3000, line -> {});
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("serve returns without waiting for the server")
        .isLessThan(Duration.ofSeconds(20));
    assertThat(served.alive()).isTrue();
    assertThat(served.exitCode()).isEmpty();
    assertThat(served.address().getPort()).isPositive();
    assertThat(awaitBody(served, "/preview/page?x=1", "hello"))
        .isEqualTo("hello /preview/page?x=1");
    assertThat(get(served.address(), "/again")).hasValue("hello /again");
  }

  @Test
  void uploadsAndCommandsWorkWhileServing() {
    Sandbox sandbox = open(SPEC);
    sandbox.upload(
        Map.of(
            "server.js",
            """
            const fs = require('fs');
            require('http')
              .createServer((q, s) => s.end(fs.readFileSync('message.txt', 'utf8')))
              .listen(3000, '0.0.0.0', () => console.log('listening on 3000'));
            """
                .getBytes(),
            "message.txt",
            "version one".getBytes()));
    List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
    Served served = sandbox.serve(List.of("node", "server.js"), 3000, lines::add);
    assertThat(awaitBody(served, "/", "version one")).isEqualTo("version one");
    assertThat(lines).contains(new Sandbox.OutputLine(Sandbox.Stream.STDOUT, "listening on 3000"));

    sandbox.upload(Map.of("message.txt", "version two".getBytes()));
    assertThat(awaitBody(served, "/", "version two")).isEqualTo("version two");
    List<Sandbox.OutputLine> execLines = Collections.synchronizedList(new ArrayList<>());
    ExecResult exec =
        sandbox.exec(
            List.of("node", "-e", "console.log(require('fs').readFileSync('message.txt','utf8'))"),
            execLines::add);
    assertThat(exec.succeeded()).as(execLines.toString()).isTrue();
    assertThat(execLines).extracting(Sandbox.OutputLine::text).contains("version two");
    assertThat(served.alive()).isTrue();
  }

  /** What a WebSocket (HMR) needs: one connection, open for a while, bytes both ways. */
  @Test
  void aLongLivedConnectionStreamsBothWays() throws Exception {
    Sandbox sandbox = open(SPEC);
    sandbox.upload(
        Map.of(
            "echo.js",
            "require('net').createServer((s) => { s.write('welcome\\n'); s.pipe(s); })"
                .concat(".listen(3000, '0.0.0.0');")
                .getBytes()));
    Served served = sandbox.serve(List.of("node", "echo.js"), 3000, line -> {});
    try (Socket socket = awaitGreeting(served.address(), "welcome\n")) {
      socket.setSoTimeout(30_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write("ping 1\n".getBytes());
      assertThat(new String(in.readNBytes(7))).isEqualTo("ping 1\n");
      Thread.sleep(1500);
      out.write("ping 2\n".getBytes());
      assertThat(new String(in.readNBytes(7))).isEqualTo("ping 2\n");

      byte[] payload = new byte[1024 * 1024];
      new Random(42).nextBytes(payload);
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      out.write(payload);
                      socket.shutdownOutput();
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  });
      byte[] echoed = in.readNBytes(payload.length);
      writer.join(Duration.ofSeconds(30));
      assertThat(Arrays.mismatch(echoed, payload))
          .as("1 MiB echoed intact (got %d bytes)", echoed.length)
          .isEqualTo(-1);
      assertThat(in.read())
          .as("our half-close reaches the server, and its close reaches us")
          .isEqualTo(-1);
    }
  }

  /**
   * The served process itself probes, at the host's request: its own server answers (so the probe
   * works), nothing else does: not the internet, not the registry, not DNS, not the host on any of
   * its addresses, not another SERVE sandbox's served port.
   */
  @Test
  void aServedSandboxReachesNothing() throws Exception {
    try (ServerSocket host = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Thread.ofVirtual().start(() -> greet(host));
      Sandbox other = open(SPEC);
      Served otherServed = other.serve(List.of("node", "-e", HELLO_SERVER), 3000, line -> {});
      assertThat(awaitBody(otherServed, "/", "hello")).isEqualTo("hello /");

      List<String> targets = new ArrayList<>(List.of(target("127.0.0.1", 3000)));
      InetSocketAddress otherAddress = otherServed.address();
      targets.add(target(otherAddress.getAddress().getHostAddress(), otherAddress.getPort()));
      targets.add(target("1.1.1.1", 443));
      targets.add(target("169.254.169.254", 80));
      targets.add(target("127.0.0.1", host.getLocalPort()));
      for (String address : registryAddresses()) {
        targets.add(target(address, 443));
      }
      for (String address : hostAddresses()) {
        targets.add(target(address, host.getLocalPort()));
        targets.add(target(address, otherAddress.getPort()));
      }
      Sandbox sandbox = open(SPEC);
      sandbox.upload(Map.of("probe.js", probeServer(targets).getBytes()));
      Served served = sandbox.serve(List.of("node", "probe.js"), 3000, line -> {});
      String report = awaitBody(served, "/probe", "dns ");
      assertThat(report)
          .as("the probe's own server answers, so the probe can tell")
          .contains("127.0.0.1:3000 connected");
      List<String> reached =
          report
              .lines()
              .filter(l -> l.endsWith(" connected") && !l.startsWith("127.0.0.1:3000 "))
              .toList();
      assertThat(reached).as(report).isEmpty();
      assertThat(report).contains("dns failed").doesNotContain("dns resolved");
      assertThat(report).as("no target sent a byte").endsWith("\nbytes 0");
      assertThat(get(otherAddress, "/still"))
          .as("the host still reaches both")
          .hasValue("hello /still");
    }
  }

  @Test
  void stopEndsTheProcessTreeAndTheAddressGoesQuiet() throws Exception {
    Sandbox sandbox = open(SPEC);
    sandbox.upload(
        Map.of(
            "tree.js",
            """
            const { spawn } = require('child_process');
            spawn(process.execPath,
              ['-e', "let i = 0; setInterval(() => require('fs').writeFileSync('beat.txt', String(++i)), 100)"],
              { detached: true, stdio: 'ignore' });
            require('http').createServer((q, s) => s.end('up')).listen(3000, '0.0.0.0');
            """
                .getBytes()));
    Served served = sandbox.serve(List.of("node", "tree.js"), 3000, line -> {});
    assertThat(awaitBody(served, "/", "up")).isEqualTo("up");
    await(() -> sandbox.readFile("beat.txt").isPresent(), "the child beats");

    served.stop();
    assertThat(served.alive()).isFalse();
    assertThat(served.exitCode()).isPresent();
    assertThat(quiet(served.address())).as("the address stops answering").isTrue();
    String beat = new String(sandbox.readFile("beat.txt").orElseThrow());
    Thread.sleep(1000);
    assertThat(new String(sandbox.readFile("beat.txt").orElseThrow()))
        .as("the child the server started is gone too")
        .isEqualTo(beat);
    served.stop();
    assertThat(sandbox.exec(List.of("true"), line -> {}).succeeded())
        .as("the sandbox stays usable")
        .isTrue();
  }

  @Test
  void closingTheSandboxEndsTheServer() {
    Sandbox sandbox = open(SPEC);
    Served served = sandbox.serve(List.of("node", "-e", HELLO_SERVER), 3000, line -> {});
    assertThat(awaitBody(served, "/", "hello")).isEqualTo("hello /");
    sandbox.close();
    await(() -> !served.alive(), "the server ends with its sandbox");
    assertThat(served.exitCode()).isPresent();
    assertThat(quiet(served.address())).isTrue();
    assertThat(goneFromHost(sandbox)).isTrue();
  }

  @Test
  void theWallTimeStillApplies() {
    Sandbox sandbox =
        open(
            new SandboxSpec(
                IMAGE,
                SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(15)),
                SandboxSpec.NetworkPolicy.SERVE,
                "tenant-serve"));
    Served served = sandbox.serve(List.of("node", "-e", HELLO_SERVER), 3000, line -> {});
    assertThat(awaitBody(served, "/", "hello")).isEqualTo("hello /");
    await(() -> !served.alive(), "the server is killed at the wall time");
    assertThat(quiet(served.address())).isTrue();
    assertThatThrownBy(() -> sandbox.exec(List.of("true"), line -> {}))
        .isInstanceOf(IllegalStateException.class);
    await(() -> goneFromHost(sandbox), "the sandbox is removed");
  }

  @Test
  void onlyServeSandboxesMayServe() {
    Sandbox sandbox =
        open(
            new SandboxSpec(
                IMAGE,
                SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(60)),
                SandboxSpec.NetworkPolicy.NONE,
                "tenant-serve"));
    assertThatThrownBy(() -> sandbox.serve(List.of("node", "-e", HELLO_SERVER), 3000, line -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NONE")
        .hasMessageContaining("SERVE");
  }

  /** A server on port 3000 whose {@code /probe} tries every target and DNS, one line each. */
  private static String probeServer(List<String> targets) {
    return """
        const net = require('net'), dns = require('dns');
        const targets = [%s];
        function probe(done) {
          const lines = []; let bytes = 0, left = targets.length + 1;
          const finish = () => { if (--left === 0) done(lines.concat(['bytes ' + bytes]).join('\\n')); };
          let dnsDone = false;
          const dnsEnd = (what) => { if (!dnsDone) { dnsDone = true; lines.push('dns ' + what); finish(); } };
          dns.lookup('registry.npmjs.org', (err) => dnsEnd(err ? 'failed' : 'resolved'));
          setTimeout(() => dnsEnd('failed (timeout)'), 15000);
          for (const [host, port] of targets) {
            let ended = false;
            const end = (what) => { if (!ended) { ended = true; lines.push(host + ':' + port + ' ' + what); s.destroy(); finish(); } };
            const s = net.connect({ host, port, timeout: 3000 });
            s.on('data', (d) => { if (!(host === '127.0.0.1' && port === 3000)) bytes += d.length; });
            s.on('connect', () => setTimeout(() => end('connected'), 300));
            s.on('error', (e) => end('failed ' + e.code));
            s.on('timeout', () => end('failed timeout'));
          }
        }
        require('http').createServer((q, s) => {
          if (q.url !== '/probe') return s.end('probe here');
          probe((report) => s.end(report));
        }).listen(3000, '0.0.0.0');
        """
        .formatted(String.join(", ", targets));
  }

  private static String target(String host, int port) {
    return "['" + host + "', " + port + "]";
  }

  /** GET {@code path} with HTTP/1.0 (one connection per request); empty when nothing answers. */
  protected static Optional<String> get(InetSocketAddress address, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 3000);
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(("GET " + path + " HTTP/1.0\r\nHost: preview\r\n\r\n").getBytes());
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int body = response.indexOf("\r\n\r\n");
      return response.startsWith("HTTP/1.") && body >= 0
          ? Optional.of(response.substring(body + 4))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** GETs until the body contains {@code expected}, within {@link #READY}. */
  protected static String awaitBody(Served served, String path, String expected) {
    long deadline = System.nanoTime() + READY.toNanos();
    Optional<String> body = Optional.empty();
    while (System.nanoTime() < deadline) {
      body = get(served.address(), path);
      if (body.isPresent() && body.get().contains(expected)) {
        return body.get();
      }
      assertThat(served.alive()).as("the served command died: %s", served.exitCode()).isTrue();
      sleep(200);
    }
    throw new AssertionError(
        "No answer containing '"
            + expected
            + "' from "
            + served.address()
            + " (last: "
            + body
            + ")");
  }

  /** A connection that has received {@code greeting}, within {@link #READY}. */
  private static Socket awaitGreeting(InetSocketAddress address, String greeting)
      throws IOException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      Socket socket = new Socket();
      try {
        socket.connect(address, 3000);
        socket.setSoTimeout(10_000);
        byte[] got = socket.getInputStream().readNBytes(greeting.length());
        if (new String(got).equals(greeting)) {
          return socket;
        }
      } catch (IOException e) {
        // not listening yet
      }
      socket.close();
      sleep(200);
    }
    throw new AssertionError("No greeting from " + address);
  }

  /** True when a connection to the address fails or gets no answer to a request. */
  protected static boolean quiet(InetSocketAddress address) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (get(address, "/").isEmpty()) {
        return true;
      }
      sleep(200);
    }
    return false;
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + READY.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      sleep(100);
    }
  }

  /** Every IPv4 address of the host's interfaces but loopback: its bridges' gateways among them. */
  private static List<String> hostAddresses() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .distinct()
        .toList();
  }

  /** The registry's addresses as the host resolves them (none when the host is offline). */
  private static List<String> registryAddresses() {
    try {
      return Arrays.stream(InetAddress.getAllByName("registry.npmjs.org"))
          .filter(a -> a instanceof Inet4Address)
          .limit(2)
          .map(InetAddress::getHostAddress)
          .collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void greet(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept();
          OutputStream out = s.getOutputStream()) {
        out.write("HELLO-FROM-HOST\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
