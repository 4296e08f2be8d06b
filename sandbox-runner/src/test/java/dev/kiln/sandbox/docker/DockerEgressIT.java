package dev.kiln.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.kiln.sandbox.EgressContract;
import dev.kiln.sandbox.SandboxBackend;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The egress contract for Docker: an internal network, a host firewall rule and the proxy. */
class DockerEgressIT extends EgressContract {

  static DockerBackend backend;

  @BeforeAll
  static void connect() throws Exception {
    backend =
        DockerBackend.connect(
            DockerSandboxIT.HOST,
            Files.createTempDirectory("kiln-egress"),
            new DockerBackend.Options(0, "kiln/sandbox-node:latest", ALLOWLIST));
    assertThat(backend.available()).as("the Docker daemon must answer").isTrue();
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  @Override
  protected SandboxBackend backend() {
    return backend;
  }

  /** The egress network's gateway (the host) and the default bridge's. */
  @Override
  protected List<String> hostAddresses() {
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(DockerSandboxIT.HOST)
            .build();
    try (var docker =
        DockerClientImpl.getInstance(
            config,
            new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build())) {
      String gateway =
          docker
              .inspectNetworkCmd()
              .withNetworkId(EgressNetwork.NETWORK)
              .exec()
              .getIpam()
              .getConfig()
              .get(0)
              .getGateway();
      return List.of(gateway, "172.17.0.1");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
