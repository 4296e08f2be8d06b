package dev.kiln.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.internal.HostCommands;
import java.util.List;
import java.util.Map;

/**
 * The only way out for {@code REGISTRY_ONLY} sandboxes: an internal Docker network whose bridge the
 * host drops all input from (an internal network alone still reaches the host), and on it Kiln's
 * allowlisting proxy, a hardened container that is also on the default bridge. Traffic between two
 * containers on that bridge is dropped unless one of them is the proxy (chain {@value #CHAIN},
 * jumped to from {@code DOCKER-USER}), so sandboxes never reach each other.
 */
final class EgressNetwork {

  static final String NETWORK = "kiln-egress";
  static final String BRIDGE = "kiln-egress0";
  static final String PROXY = "kiln-egress-proxy";
  static final int PROXY_PORT = 3128;
  static final String PROXY_URL = "http://" + PROXY + ":" + PROXY_PORT;
  static final String CHAIN = "KILN-EGRESS";

  private final DockerClient docker;
  private final String image;
  private final List<String> allowlist;
  private volatile boolean ready;

  EgressNetwork(DockerClient docker, String image, List<String> allowlist) {
    this.docker = docker;
    this.image = image;
    this.allowlist = List.copyOf(allowlist);
  }

  /** Creates the network, the host firewall rule and the proxy if missing; idempotent. */
  synchronized void ensure() {
    if (ready && proxyRunning()) {
      return;
    }
    ensureNetwork();
    firewall();
    ensureProxy();
    isolateSandboxes(proxyAddress());
    ready = true;
  }

  /** The environment a REGISTRY_ONLY sandbox gets to find the proxy. */
  static List<String> proxyEnvironment() {
    return List.of(
        "HTTPS_PROXY=" + PROXY_URL,
        "HTTP_PROXY=" + PROXY_URL,
        "https_proxy=" + PROXY_URL,
        "http_proxy=" + PROXY_URL,
        "npm_config_proxy=" + PROXY_URL,
        "npm_config_https_proxy=" + PROXY_URL);
  }

  private void ensureNetwork() {
    BridgeNetworks.ensureInternal(docker, NETWORK, BRIDGE, "egress");
  }

  /** Drops everything the egress bridge sends to the host itself (IPv4 and IPv6). */
  private static void firewall() {
    for (String tool : List.of("iptables", "ip6tables")) {
      if (run(tool, "-C", "INPUT", "-i", BRIDGE, "-j", "DROP") != 0
          && run(tool, "-I", "INPUT", "-i", BRIDGE, "-j", "DROP") != 0
          && tool.equals("iptables")) {
        throw new SandboxFailure(
            "Could not add the firewall rule that keeps " + BRIDGE + " off the host");
      }
    }
  }

  /**
   * Lets containers on the egress bridge talk to the proxy only. Bridged traffic passes through
   * iptables only with {@code br_netfilter} (Docker loads it); without it this would be a no-op, so
   * it is refused instead.
   */
  private static void isolateSandboxes(String proxy) {
    if (!BridgeNetworks.bridgeFiltering()) {
      throw new SandboxFailure(
          "Bridged traffic bypasses iptables on this host (net.bridge.bridge-nf-call-iptables is"
              + " not 1: modprobe br_netfilter), so REGISTRY_ONLY sandboxes could reach each other");
    }
    run("iptables", "-N", CHAIN);
    boolean ok =
        run("iptables", "-F", CHAIN) == 0
            && run("iptables", "-A", CHAIN, "-s", proxy, "-j", "RETURN") == 0
            && run("iptables", "-A", CHAIN, "-d", proxy, "-j", "RETURN") == 0
            && run("iptables", "-A", CHAIN, "-j", "DROP") == 0;
    String[] jump = {"DOCKER-USER", "-i", BRIDGE, "-o", BRIDGE, "-j", CHAIN};
    if (!ok
        || (BridgeNetworks.firewall("iptables", "-C", jump) != 0
            && BridgeNetworks.firewall("iptables", "-I", jump) != 0)) {
      throw new SandboxFailure("Could not add the firewall rules that keep sandboxes apart");
    }
  }

  private String proxyAddress() {
    var networks =
        docker.inspectContainerCmd(PROXY).exec().getNetworkSettings().getNetworks().get(NETWORK);
    if (networks == null || networks.getIpAddress() == null || networks.getIpAddress().isBlank()) {
      throw new SandboxFailure("The egress proxy has no address on " + NETWORK);
    }
    return networks.getIpAddress();
  }

  private void ensureProxy() {
    if (proxyRunning()) {
      return;
    }
    try {
      docker.removeContainerCmd(PROXY).withForce(true).exec();
    } catch (NotFoundException absent) {
      // nothing to replace
    }
    HostConfig host =
        HostConfig.newHostConfig()
            .withMemory(256L * 1024 * 1024)
            .withMemorySwap(256L * 1024 * 1024)
            .withPidsLimit(128L)
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withReadonlyRootfs(true)
            .withNetworkMode("bridge")
            .withInit(true);
    String id =
        docker
            .createContainerCmd(image)
            .withName(PROXY)
            .withUser("1000:1000")
            .withEnv(
                List.of(
                    "KILN_EGRESS_ALLOW=" + String.join(",", allowlist),
                    "KILN_EGRESS_PORT=" + PROXY_PORT))
            .withLabels(Map.of(DockerBackend.LABEL + ".egress", "proxy"))
            .withCmd("node", "/opt/kiln/egress-proxy.js")
            .withHostConfig(host)
            .exec()
            .getId();
    docker.connectToNetworkCmd().withNetworkId(NETWORK).withContainerId(id).exec();
    docker.startContainerCmd(id).exec();
  }

  private boolean proxyRunning() {
    try {
      return Boolean.TRUE.equals(docker.inspectContainerCmd(PROXY).exec().getState().getRunning());
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static int run(String... command) {
    return HostCommands.run(command).exitCode();
  }
}
