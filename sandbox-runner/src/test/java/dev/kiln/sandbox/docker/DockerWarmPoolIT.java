package dev.kiln.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.kiln.sandbox.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The warm pool hands out containers started before they were asked for, each exactly once. */
class DockerWarmPoolIT {

  static final SandboxSpec SPEC =
      new SandboxSpec(
          "kiln/sandbox-node:latest",
          SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(30)),
          SandboxSpec.NetworkPolicy.NONE,
          "tenant-pool");

  @Test
  void handsOutPrestartedContainersOnceAndRefills() throws Exception {
    Path workspaces = Files.createTempDirectory("kiln-pool");
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(DockerSandboxIT.HOST)
            .build();
    try (var docker =
            DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
        DockerBackend backend = DockerBackend.connect(DockerSandboxIT.HOST, workspaces, 2)) {
      backend.warm(SPEC);
      awaitIdle(backend, 2);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 4; i++) {
        Instant asked = Instant.now();
        DockerSandbox sandbox = (DockerSandbox) backend.open(SPEC);
        Instant startedAt =
            Instant.parse(
                docker.inspectContainerCmd(sandbox.containerId()).exec().getState().getStartedAt());
        assertThat(startedAt).as("container started before it was asked for").isBefore(asked);
        assertThat(seen.add(sandbox.containerId())).as("never handed out twice").isTrue();
        sandbox.exec(List.of("true"), line -> {});
        sandbox.close();
        assertThat(
                docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withIdFilter(List.of(sandbox.containerId()))
                    .exec())
            .isEmpty();
        awaitIdle(backend, 2);
      }
      assertThat(containersOf(docker, workspaces)).as("the idle containers").hasSize(2);
      backend.close();
      assertThat(containersOf(docker, workspaces))
          .as("closing the backend removes the idle containers")
          .isEmpty();
      try (var left = Files.list(workspaces)) {
        assertThat(left).isEmpty();
      }
    }
  }

  /** Kiln containers whose workspace is under {@code workspaces}: other processes have theirs. */
  private static List<com.github.dockerjava.api.model.Container> containersOf(
      com.github.dockerjava.api.DockerClient docker, Path workspaces) throws java.io.IOException {
    String ours = workspaces.toRealPath().toString();
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(List.of(DockerBackend.LABEL))
        .exec()
        .stream()
        .filter(
            c ->
                c.getMounts() != null
                    && c.getMounts().stream()
                        .anyMatch(m -> String.valueOf(m.getSource()).startsWith(ours)))
        .toList();
  }

  private static void awaitIdle(DockerBackend backend, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (backend.idle(SPEC) < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(backend.idle(SPEC)).isEqualTo(n);
  }
}
