package dev.kiln.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import dev.kiln.sandbox.internal.HostCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What Kiln's Docker networks share: creating an internal bridge and the host's firewall. */
final class BridgeNetworks {

  private static final Path BRIDGE_FILTERING =
      Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");

  private BridgeNetworks() {}

  /**
   * Creates an internal bridge network {@code name} on the host bridge {@code bridge} unless it
   * exists; idempotent, also when created concurrently.
   */
  static void ensureInternal(DockerClient docker, String name, String bridge, String role) {
    if (docker.listNetworksCmd().withNameFilter(name).exec().stream()
        .anyMatch(n -> n.getName().equals(name))) {
      return;
    }
    try {
      docker
          .createNetworkCmd()
          .withName(name)
          .withDriver("bridge")
          .withInternal(true)
          .withOptions(Map.of("com.docker.network.bridge.name", bridge))
          .withLabels(Map.of(DockerBackend.LABEL + "." + role, "network"))
          .exec();
    } catch (ConflictException alreadyThere) {
      // created concurrently
    }
  }

  /**
   * True when bridged traffic passes through iptables ({@code br_netfilter}, which Docker loads):
   * without it, rules between containers of one bridge would be no-ops.
   */
  static boolean bridgeFiltering() {
    try {
      return Files.readString(BRIDGE_FILTERING).strip().equals("1");
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs {@code tool action rule...} ({@code iptables -C INPUT ...}); answers its exit code. */
  static int firewall(String tool, String action, String... rule) {
    String[] command = new String[rule.length + 2];
    command[0] = tool;
    command[1] = action;
    System.arraycopy(rule, 0, command, 2, rule.length);
    return HostCommands.run(command).exitCode();
  }

  /** The rules of a chain as {@code -S} lists them, or empty when it cannot be read. */
  static String rules(String tool, String chain) {
    HostCommands.Outcome outcome = HostCommands.run(tool, "-S", chain);
    return outcome.succeeded() ? outcome.output() : "";
  }
}
