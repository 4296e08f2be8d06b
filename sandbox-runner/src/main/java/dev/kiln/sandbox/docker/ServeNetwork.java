package dev.kiln.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.kiln.sandbox.SandboxFailure;
import java.util.List;

/**
 * The network of {@code SERVE} sandboxes: an internal Docker network (no route out, no proxy) whose
 * bridge the host accepts only replies from (chain {@value #INPUT_CHAIN}: the host connects to
 * sandboxes, never the reverse; an internal network alone still reaches the host), and on which
 * every packet between two containers is dropped (a rule in {@code DOCKER-USER}). So a sandbox
 * reaches neither the internet, nor the host's services, nor another sandbox, while the host
 * reaches its address.
 */
final class ServeNetwork {

  static final String NETWORK = "kiln-serve";
  static final String BRIDGE = "kiln-serve0";
  static final String INPUT_CHAIN = "KILN-SERVE-IN";
  private static final String[] REPLIES = {
    INPUT_CHAIN, "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"
  };
  private static final String[] REST = {INPUT_CHAIN, "-j", "DROP"};
  private static final String[] INPUT_JUMP = {"INPUT", "-i", BRIDGE, "-j", INPUT_CHAIN};
  private static final String[] APART = {"DOCKER-USER", "-i", BRIDGE, "-o", BRIDGE, "-j", "DROP"};

  private final DockerClient docker;
  private volatile boolean ready;

  ServeNetwork(DockerClient docker) {
    this.docker = docker;
  }

  /** Creates the network and its firewall rules if missing; idempotent. */
  synchronized void ensure() {
    if (ready && rulesInPlace()) {
      return;
    }
    if (!BridgeNetworks.bridgeFiltering()) {
      throw new SandboxFailure(
          "Bridged traffic bypasses iptables on this host (net.bridge.bridge-nf-call-iptables is"
              + " not 1: modprobe br_netfilter), so SERVE sandboxes could reach each other");
    }
    BridgeNetworks.ensureInternal(docker, NETWORK, BRIDGE, "serve");
    acceptRepliesOnly("iptables", true);
    acceptRepliesOnly("ip6tables", false);
    if (!present("iptables", APART) && !add("iptables", "-I", APART)) {
      throw new SandboxFailure("Could not add the firewall rule that keeps SERVE sandboxes apart");
    }
    ready = true;
  }

  /** The container's address on this network, which the host connects to. */
  String address(String containerId) {
    ContainerNetwork on =
        docker
            .inspectContainerCmd(containerId)
            .exec()
            .getNetworkSettings()
            .getNetworks()
            .get(NETWORK);
    if (on == null || on.getIpAddress() == null || on.getIpAddress().isBlank()) {
      throw new SandboxFailure("Container " + containerId + " has no address on " + NETWORK);
    }
    return on.getIpAddress();
  }

  /**
   * Lets packets from the bridge to the host itself pass only as replies to connections the host
   * opened. The chain is complete before the jump to it is added. IPv6 is best effort: containers
   * on this network have IPv6 disabled.
   */
  private static void acceptRepliesOnly(String tool, boolean required) {
    BridgeNetworks.firewall(tool, "-N", INPUT_CHAIN);
    boolean chain =
        inOrder(tool)
            || (BridgeNetworks.firewall(tool, "-F", INPUT_CHAIN) == 0
                && add(tool, "-A", REPLIES)
                && add(tool, "-A", REST));
    if (!(chain && (present(tool, INPUT_JUMP) || add(tool, "-I", INPUT_JUMP))) && required) {
      throw new SandboxFailure(
          "Could not add the firewall rules that keep " + BRIDGE + " off the host");
    }
  }

  /** The chain holds exactly the reply rule, then the drop. */
  private static boolean inOrder(String tool) {
    List<String> rules =
        BridgeNetworks.rules(tool, INPUT_CHAIN).lines().filter(l -> l.startsWith("-A ")).toList();
    return rules.size() == 2
        && rules.get(0).contains("ESTABLISHED")
        && rules.get(0).endsWith("-j ACCEPT")
        && rules.get(1).equals("-A " + INPUT_CHAIN + " -j DROP");
  }

  private boolean rulesInPlace() {
    return inOrder("iptables")
        && present("iptables", INPUT_JUMP)
        && present("iptables", APART)
        && docker.listNetworksCmd().withNameFilter(NETWORK).exec().stream()
            .anyMatch(n -> n.getName().equals(NETWORK));
  }

  private static boolean present(String tool, String[] rule) {
    return BridgeNetworks.firewall(tool, "-C", rule) == 0;
  }

  private static boolean add(String tool, String action, String[] rule) {
    return BridgeNetworks.firewall(tool, action, rule) == 0;
  }
}
