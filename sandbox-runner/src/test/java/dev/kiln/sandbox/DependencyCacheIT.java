package dev.kiln.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.sandbox.bubblewrap.BubblewrapBackend;
import dev.kiln.sandbox.docker.DockerBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies are installed once per lockfile in a REGISTRY_ONLY Docker sandbox, then mounted
 * read-only into network-less sandboxes of either backend.
 */
class DependencyCacheIT {

  static final String IMAGE = "kiln/sandbox-node:latest";
  static final byte[] PACKAGE_JSON =
      """
      {"name":"kiln-cache-fixture","version":"1.0.0","private":true,"dependencies":{"is-number":"7.0.0"}}
      """
          .getBytes(StandardCharsets.UTF_8);
  static final byte[] LOCKFILE =
      """
      {
        "name": "kiln-cache-fixture",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "requires": true,
        "packages": {
          "": {"name": "kiln-cache-fixture", "version": "1.0.0", "dependencies": {"is-number": "7.0.0"}},
          "node_modules/is-number": {
            "version": "7.0.0",
            "resolved": "https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz",
            "integrity": "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==",
            "engines": {"node": ">=0.12.0"}
          }
        }
      }
      """
          .getBytes(StandardCharsets.UTF_8);

  static DockerBackend docker;
  static Path root;

  @BeforeAll
  static void connect() throws Exception {
    root = Files.createTempDirectory("kiln-cache");
    // The unprivileged sandbox user must be able to reach the cache and workspaces.
    Files.setPosixFilePermissions(
        root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    docker = DockerBackend.connect("unix:///var/run/docker.sock", root.resolve("workspaces"));
    assertThat(docker.available()).as("the Docker daemon must answer").isTrue();
  }

  @AfterAll
  static void close() {
    docker.close();
  }

  @Test
  void theSecondInstallOfALockfileIsACacheHitMountedReadOnly() {
    DependencyCache cache = new DependencyCache(root.resolve("cache"), docker, IMAGE);
    DependencyCache.Installed first = cache.install("tenant-a", PACKAGE_JSON, LOCKFILE);
    assertThat(first.hit()).as(String.join("\n", first.log())).isFalse();
    assertThat(first.nodeModules().resolve("is-number/package.json")).exists();

    DependencyCache.Installed second = cache.install("tenant-b", PACKAGE_JSON, LOCKFILE);
    assertThat(second.hit()).isTrue();
    assertThat(second.nodeModules()).isEqualTo(first.nodeModules());
    assertThat(
            cache.install("tenant-a", PACKAGE_JSON, (new String(LOCKFILE) + " ").getBytes()).hash())
        .isNotEqualTo(first.hash());

    for (SandboxBackend backend : List.of(docker, new BubblewrapBackend(root.resolve("bwrap")))) {
      SandboxSpec spec =
          new SandboxSpec(
                  IMAGE,
                  SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(60)),
                  SandboxSpec.NetworkPolicy.NONE,
                  "tenant-a")
              .withDependencies(second.nodeModules());
      try (Sandbox sandbox = backend.open(spec)) {
        List<Sandbox.OutputLine> lines = new ArrayList<>();
        ExecResult used =
            sandbox.exec(
                List.of("node", "-e", "console.log('is-number: ' + require('is-number')(5))"),
                lines::add);
        assertThat(used.exitCode()).as(backend.name() + " " + lines).isZero();
        assertThat(lines.stream().map(Sandbox.OutputLine::text).collect(Collectors.joining()))
            .contains("is-number: true");
        ExecResult write =
            sandbox.exec(List.of("/bin/sh", "-c", "touch node_modules/evil"), line -> {});
        assertThat(write.exitCode()).as(backend.name() + " writes to the cache").isNotZero();
      }
    }
    assertThat(first.nodeModules().resolve("evil")).doesNotExist();
  }

  @Test
  void twoInstallsOfTheSameLockfileAtOnceBothSucceedWithOneTree() throws Exception {
    DependencyCache cache = new DependencyCache(root.resolve("raced"), docker, IMAGE);
    byte[] lockfile = (new String(LOCKFILE, StandardCharsets.UTF_8) + "\n\n").getBytes();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> cache.install("tenant-a", PACKAGE_JSON, lockfile));
      var b = pool.submit(() -> cache.install("tenant-b", PACKAGE_JSON, lockfile));
      DependencyCache.Installed first = a.get();
      DependencyCache.Installed second = b.get();
      assertThat(second.nodeModules()).isEqualTo(first.nodeModules());
      assertThat(first.nodeModules().resolve("is-number/package.json")).exists();
      try (var entries = Files.list(root.resolve("raced"))) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .as("no staging directory left behind")
            .containsExactly(first.hash());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
