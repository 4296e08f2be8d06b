package dev.kiln.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.ServeContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serve contract against the real Docker daemon. Docker missing is a failure. */
class DockerServeIT extends ServeContract {

  static Path workspaces;
  static DockerBackend backend;
  static DockerClient docker;

  @BeforeAll
  static void connect() throws Exception {
    workspaces = Files.createTempDirectory("kiln-serve");
    backend = DockerBackend.connect(DockerSandboxIT.HOST, workspaces);
    assertThat(backend.available())
        .as("the Docker daemon must answer at %s (.ci/run starts it)", DockerSandboxIT.HOST)
        .isTrue();
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(DockerSandboxIT.HOST)
            .build();
    docker =
        DockerClientImpl.getInstance(
            config,
            new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }

  @AfterAll
  static void disconnect() throws Exception {
    backend.close();
    docker.close();
  }

  @Override
  protected SandboxBackend backend() {
    return backend;
  }

  @Override
  protected boolean goneFromHost(Sandbox sandbox) {
    return docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(List.of(DockerBackend.LABEL + "=" + sandbox.id()))
            .exec()
            .isEmpty()
        && !Files.exists(workspaces.resolve(sandbox.id()));
  }

  /** The hardening of every sandbox, on the serve network instead of none. */
  @Test
  void aServeContainerIsHardenedAndOnTheServeNetwork() {
    DockerSandbox sandbox = (DockerSandbox) open(SPEC);
    var inspect = docker.inspectContainerCmd(sandbox.containerId()).exec();
    var host = inspect.getHostConfig();
    assertThat(host.getNetworkMode()).isEqualTo(ServeNetwork.NETWORK);
    assertThat(inspect.getNetworkSettings().getNetworks()).containsOnlyKeys(ServeNetwork.NETWORK);
    assertThat(inspect.getConfig().getUser()).isEqualTo("1000:1000");
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(host.getPortBindings() == null || host.getPortBindings().getBindings().isEmpty())
        .as("nothing published on the host's ports")
        .isTrue();
    var network = docker.inspectNetworkCmd().withNetworkId(ServeNetwork.NETWORK).exec();
    assertThat(network.getInternal()).isTrue();
  }
}
