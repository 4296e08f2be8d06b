package dev.kiln.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same contract and escape suite against bubblewrap. Missing bwrap, setpriv, root or cgroups is
 * a failure, not a skip: CI installs bubblewrap.
 */
class BubblewrapSandboxIT extends SandboxContract {

  static BubblewrapBackend backend;

  @BeforeAll
  static void prepare() throws Exception {
    Path workspaces = Files.createTempDirectory("kiln-bwrap");
    backend = new BubblewrapBackend(workspaces);
    assertThat(backend.available())
        .as(
            "bubblewrap sandboxes need root, bwrap, setpriv, mount and cgroups (.ci/run installs bubblewrap)")
        .isTrue();
  }

  @Override
  protected SandboxBackend backend() {
    return backend;
  }

  @Override
  protected boolean goneFromHost(Sandbox sandbox) {
    return !((BubblewrapSandbox) sandbox).leftOnHost();
  }
}
