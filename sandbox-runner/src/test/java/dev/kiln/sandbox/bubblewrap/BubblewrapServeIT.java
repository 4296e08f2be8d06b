package dev.kiln.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.ServeContract;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The serve contract against bubblewrap: a loopback-only namespace, reached from the host through a
 * relay. Missing bwrap, setpriv, root or cgroups is a failure, not a skip.
 */
class BubblewrapServeIT extends ServeContract {

  static BubblewrapBackend backend;

  @BeforeAll
  static void prepare() throws Exception {
    backend = new BubblewrapBackend(Files.createTempDirectory("kiln-bwrap-serve"));
    assertThat(backend.available())
        .as("bubblewrap sandboxes need root, bwrap, setpriv, mount and cgroups")
        .isTrue();
  }

  @AfterAll
  static void close() {
    backend.close();
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
