package dev.kiln.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.KilnIntegrationTest;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * From a sandbox of the running platform, with and without the registry policy, the platform's own
 * PostgreSQL, Kafka and HTTP ports give no response bytes on any host address it can name.
 */
@KilnIntegrationTest
class SandboxReachIT {

  @Autowired SandboxConfiguration.SandboxChoice choice;
  @Autowired Environment environment;
  @LocalServerPort int httpPort;

  /** Every IPv4 address of this host (loopback, docker0, kiln-egress0, ...), as a JS array. */
  private static String hostAddresses() {
    try {
      return Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
          .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
          .filter(a -> a instanceof java.net.Inet4Address)
          .map(a -> "'" + a.getHostAddress() + "'")
          .collect(Collectors.joining(", ", "[", "]"));
    } catch (java.net.SocketException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void thePlatformsOwnPortsAreOutOfReach() {
    assertThat(choice.backend())
        .as("a sandbox backend must be available: " + choice.description())
        .isNotNull();
    int postgres = URI.create(environment.getProperty("kiln.database.url").substring(5)).getPort();
    int kafka =
        Integer.parseInt(
            environment.getProperty("kiln.kafka.bootstrap-servers").replaceAll(".*:", ""));
    for (SandboxSpec.NetworkPolicy network : SandboxSpec.NetworkPolicy.values()) {
      if (network == SandboxSpec.NetworkPolicy.REGISTRY_ONLY
          && !choice.backend().name().equals("docker")) {
        continue;
      }
      String script =
          """
          const net = require('net');
          const hosts = %s;
          const ports = [%d, %d, %d];
          let bytes = 0, left = hosts.length * ports.length;
          for (const h of hosts) for (const p of ports) {
            const s = net.connect({host: h, port: p, timeout: 1500});
            s.on('data', (d) => { bytes += d.length; });
            const end = () => { if (--left === 0) setTimeout(() => console.log('bytes ' + bytes), 300); };
            s.on('error', end); s.on('timeout', () => { s.destroy(); end(); });
          }
          setTimeout(() => process.exit(0), 12000);
          """
              .formatted(hostAddresses(), postgres, kafka, httpPort);
      SandboxSpec spec =
          new SandboxSpec(
              "kiln/sandbox-node:latest",
              SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(60)),
              network,
              "tenant-reach");
      try (Sandbox sandbox = choice.backend().open(spec)) {
        sandbox.upload(Map.of("reach.js", script.getBytes()));
        List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
        sandbox.exec(List.of("node", "reach.js"), lines::add);
        String out = lines.stream().map(Sandbox.OutputLine::text).collect(Collectors.joining("\n"));
        assertThat(out).as(network + ": " + out).contains("bytes 0");
      }
    }
  }
}
