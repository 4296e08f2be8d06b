package dev.kiln.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * REGISTRY_ONLY sandboxes reach the allowlisted registry through Kiln's proxy and nothing else: not
 * other hosts, not raw IPs, not names resolving to internal addresses (even allowlisted ones), not
 * the host. Run against each backend, whose allowlist must be {@link #ALLOWLIST}.
 */
public abstract class EgressContract {

  /** localhost is allowlisted to show that names resolving to internal addresses are refused. */
  protected static final List<String> ALLOWLIST = List.of("registry.npmjs.org", "localhost");

  protected static final SandboxSpec SPEC =
      new SandboxSpec(
          "kiln/sandbox-node:latest",
          SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(90)),
          SandboxSpec.NetworkPolicy.REGISTRY_ONLY,
          "tenant-egress");

  protected abstract SandboxBackend backend();

  /** Addresses of the host a sandbox might try to reach it on. */
  protected abstract List<String> hostAddresses();

  @Test
  void theAllowlistedRegistryAnswersThroughTheProxy() {
    try (Sandbox sandbox = backend().open(SPEC)) {
      List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
      var result = sandbox.exec(List.of("npm", "view", "is-number@7.0.0", "version"), lines::add);
      assertThat(result.exitCode()).as(lines.toString()).isZero();
      assertThat(text(lines)).contains("7.0.0");
    }
  }

  @Test
  void theProxyRefusesEverythingElse() {
    String script =
        """
        const http = require('http');
        const proxy = new URL(process.env.HTTPS_PROXY);
        const targets = ['example.com:443', '1.1.1.1:443', '169.254.169.254:443', 'localhost:443',
          '[::1]:443', 'registry.npmjs.org:22', 'registry.npmjs.org:443'];
        let left = targets.length;
        for (const t of targets) {
          const req = http.request({host: proxy.hostname, port: proxy.port, method: 'CONNECT', path: t});
          req.on('connect', (res, socket) => { console.log(t + ' ' + res.statusCode); socket.destroy(); if (--left === 0) process.exit(0); });
          req.on('error', (e) => { console.log(t + ' error ' + e.message); if (--left === 0) process.exit(0); });
          req.end();
        }
        setTimeout(() => process.exit(0), 15000);
        """;
    try (Sandbox sandbox = backend().open(SPEC)) {
      sandbox.upload(Map.of("connect.js", script.getBytes()));
      List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
      sandbox.exec(List.of("node", "connect.js"), lines::add);
      assertThat(text(lines))
          .contains("example.com:443 403")
          .contains("1.1.1.1:443 403")
          .contains("169.254.169.254:443 403")
          .contains("localhost:443 403")
          .contains("[::1]:443 403")
          .contains("registry.npmjs.org:22 403")
          .contains("registry.npmjs.org:443 200");
    }
  }

  @Test
  void withoutTheProxyNothingAnswersNotEvenTheHost() throws Exception {
    try (ServerSocket host = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Thread.ofVirtual().start(() -> greet(host));
      List<String> targets = new ArrayList<>();
      targets.add("['1.1.1.1', 443]");
      targets.add("['169.254.169.254', 80]");
      targets.add("['127.0.0.1', " + host.getLocalPort() + "]");
      for (InetAddress registry : InetAddress.getAllByName("registry.npmjs.org")) {
        targets.add("['" + registry.getHostAddress() + "', 443]");
      }
      for (String address : hostAddresses()) {
        targets.add("['" + address + "', " + host.getLocalPort() + "]");
      }
      String script =
          """
          const net = require('net'), dns = require('dns');
          const targets = [%s];
          let bytes = 0, left = targets.length;
          dns.resolve4('registry.npmjs.org', (err) => console.log('dns ' + (err ? 'failed' : 'resolved')));
          for (const [h, p] of targets) {
            const s = net.connect({host: h, port: p, timeout: 2000});
            s.on('data', (d) => { bytes += d.length; console.log('answered ' + h + ':' + p); });
            const end = () => { if (--left === 0) setTimeout(() => { console.log('bytes ' + bytes); }, 300); };
            s.on('error', end); s.on('timeout', () => { s.destroy(); end(); });
          }
          setTimeout(() => process.exit(0), 14000);
          """
              .formatted(String.join(", ", targets));
      try (Sandbox sandbox = backend().open(SPEC)) {
        sandbox.upload(Map.of("direct.js", script.getBytes()));
        List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
        sandbox.exec(List.of("node", "direct.js"), lines::add);
        assertThat(text(lines))
            .as(targets.toString())
            .contains("bytes 0")
            .doesNotContain("dns resolved");
      }
    }
  }

  /** Two REGISTRY_ONLY sandboxes share the proxy, never a path to each other. */
  @Test
  void anotherSandboxGetsNoBytes() throws Exception {
    String server =
        """
        const net = require('net'), os = require('os');
        const mine = Object.values(os.networkInterfaces()).flat()
          .filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address);
        net.createServer((s) => s.end('HELLO-FROM-A\\n')).listen(4000, '0.0.0.0', () => {
          console.log('listening ' + JSON.stringify(mine));
        });
        setTimeout(() => process.exit(0), 20000);
        """;
    try (Sandbox a = backend().open(SPEC);
        Sandbox b = backend().open(SPEC)) {
      a.upload(Map.of("server.js", server.getBytes()));
      List<Sandbox.OutputLine> served = Collections.synchronizedList(new ArrayList<>());
      Thread serving =
          Thread.ofVirtual().start(() -> a.exec(List.of("node", "server.js"), served::add));
      // Watch A's output, not its files: reading files back pauses a Docker sandbox.
      String addresses = null;
      long deadline = System.currentTimeMillis() + 15_000;
      while (addresses == null && System.currentTimeMillis() < deadline) {
        synchronized (served) {
          addresses =
              served.stream()
                  .map(Sandbox.OutputLine::text)
                  .filter(t -> t.startsWith("listening "))
                  .map(t -> t.substring("listening ".length()))
                  .findFirst()
                  .orElse(null);
        }
        Thread.sleep(100);
      }
      assertThat(addresses).as("sandbox A never started listening: %s", served).isNotNull();
      String probe =
          """
          const net = require('net');
          const targets = [...%s, '127.0.0.1'];
          let bytes = 0, left = targets.length;
          for (const h of targets) {
            const s = net.connect({host: h, port: 4000, timeout: 2000});
            s.on('data', (d) => { bytes += d.length; console.log('answered ' + h); });
            const end = () => { if (--left === 0) setTimeout(() => console.log('bytes ' + bytes), 300); };
            s.on('error', end); s.on('timeout', () => { s.destroy(); end(); }); s.on('end', end);
          }
          setTimeout(() => process.exit(0), 8000);
          """
              .formatted(addresses);
      b.upload(Map.of("probe.js", probe.getBytes()));
      List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
      b.exec(List.of("node", "probe.js"), lines::add);
      assertThat(text(lines)).as(addresses).contains("bytes 0").doesNotContain("answered");
      serving.join(Duration.ofSeconds(25));
    }
  }

  private static void greet(ServerSocket host) {
    while (!host.isClosed()) {
      try (Socket s = host.accept();
          OutputStream out = s.getOutputStream()) {
        out.write("HELLO-FROM-HOST\n".getBytes());
      } catch (Exception e) {
        return;
      }
    }
  }

  private static String text(List<Sandbox.OutputLine> lines) {
    return lines.stream().map(Sandbox.OutputLine::text).collect(Collectors.joining("\n"));
  }
}
