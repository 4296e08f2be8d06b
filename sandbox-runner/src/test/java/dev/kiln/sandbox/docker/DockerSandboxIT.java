package dev.kiln.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxContract;
import dev.kiln.sandbox.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract and escape suite against the real Docker daemon. Docker missing is a failure. */
class DockerSandboxIT extends SandboxContract {

  static final String HOST = "unix:///var/run/docker.sock";
  static Path workspaces;
  static DockerBackend backend;
  static com.github.dockerjava.api.DockerClient docker;

  @BeforeAll
  static void connect() throws Exception {
    workspaces = Files.createTempDirectory("kiln-sandboxes");
    backend = DockerBackend.connect(HOST, workspaces);
    assertThat(backend.available())
        .as("the Docker daemon must answer at %s (.ci/run starts it)", HOST)
        .isTrue();
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(HOST).build();
    docker =
        DockerClientImpl.getInstance(
            config,
            new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    assertThat(docker.listImagesCmd().withImageNameFilter(IMAGE).exec())
        .as("image %s must exist: sandbox-runner/image/build-offline.sh builds it", IMAGE)
        .isNotEmpty();
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
    boolean containerGone =
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(List.of(DockerBackend.LABEL + "=" + sandbox.id()))
            .exec()
            .isEmpty();
    return containerGone && !Files.exists(workspaces.resolve(sandbox.id()));
  }

  @Test
  void chromiumRendersAPageWithoutNetwork() {
    Sandbox sandbox = open();
    sandbox.upload(
        java.util.Map.of(
            "page.html",
            "<html><body><div id=x></div><script>document.getElementById('x').textContent='rendered-'+(6*7)</script></body></html>"
                .getBytes()));
    Run run =
        run(
            sandbox,
            "chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
                + " --disable-background-networking --user-data-dir=/tmp/profile --dump-dom"
                + " file:///workspace/page.html");
    assertThat(run.result().exitCode()).as(run.all()).isZero();
    assertThat(run.stdout()).contains("<div id=\"x\">rendered-42</div>");
  }

  @Test
  void theDefaultSeccompProfileIsOn() {
    Sandbox sandbox = open();
    assertThat(run(sandbox, "grep Seccomp: /proc/self/status").stdout()).contains("Seccomp:\t2");
  }

  @Test
  void inspectionShowsEveryHardeningSetting() {
    SandboxSpec.Limits limits = SandboxSpec.Limits.defaults();
    DockerSandbox sandbox = (DockerSandbox) open(limits);
    var inspect = docker.inspectContainerCmd(sandbox.containerId()).exec();
    var host = inspect.getHostConfig();
    assertThat(inspect.getConfig().getUser()).isEqualTo("1000:1000");
    assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
    assertThat(host.getCapAdd()).isNullOrEmpty();
    assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(host.getPrivileged()).isFalse();
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getMemory()).isEqualTo(limits.memoryBytes());
    assertThat(host.getMemorySwap()).isEqualTo(limits.memoryBytes());
    assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
    assertThat(host.getPidsLimit()).isEqualTo(limits.pids());
    assertThat(host.getNetworkMode()).isEqualTo("none");
    assertThat(host.getTmpFs())
        .containsKeys("/scratch", "/tmp")
        .allSatisfy((path, options) -> assertThat(options).contains("exec").contains("size="));
    assertThat(inspect.getMounts())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getDestination().getPath()).isEqualTo("/workspace");
              assertThat(m.getSource()).startsWith(workspaces.toRealPath().toString());
            });
    assertThat(inspect.getMounts().toString()).doesNotContain("docker.sock");
  }
}
