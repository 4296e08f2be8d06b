package dev.kiln.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.sandbox.SandboxFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostWorkspaceTest {

  /** A tmpfs on every Linux host and container: another file system than the workspace's. */
  private static final Path OTHER_FILE_SYSTEM = Path.of("/dev/shm");

  @TempDir Path parent;
  private HostWorkspace workspace;
  private Path elsewhere;

  @BeforeEach
  void open() throws IOException {
    workspace = HostWorkspace.create(parent, "job");
    workspace.write(
        Map.of(
            "out/report.json", bytes("{}"),
            "out/shots/01.png", bytes("png"),
            "app/page.tsx", bytes("page")));
    Files.createSymbolicLink(workspace.root().resolve("out/secret"), Path.of("/etc/hostname"));
  }

  @AfterEach
  void clean() {
    if (elsewhere != null) {
      HostWorkspace.deleteTree(elsewhere);
    }
  }

  @Test
  void movesADirectoryOutOnTheSameFileSystem() throws IOException {
    Path target = parent.resolve("kept/out");

    workspace.moveOut("out", target);

    assertMoved(target);
    assertThat(Files.isSymbolicLink(target.resolve("secret"))).isTrue();
  }

  @Test
  void copiesAndDeletesAcrossFileSystemsLeavingLinksBehind() throws IOException {
    assertThat(Files.getFileStore(OTHER_FILE_SYSTEM))
        .as("this test needs /dev/shm on another file system than the temporary directory")
        .isNotEqualTo(Files.getFileStore(parent));
    elsewhere = Files.createTempDirectory(OTHER_FILE_SYSTEM, "kiln-moveout-");
    Path target = elsewhere.resolve("out");

    workspace.moveOut("out", target);

    assertMoved(target);
    assertThat(Files.exists(target.resolve("secret"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void refusesWhatIsNotADirectoryOfTheWorkspace() {
    Path target = parent.resolve("kept/x");

    assertThatThrownBy(() -> workspace.moveOut("missing", target))
        .isInstanceOf(SandboxFailure.class);
    assertThatThrownBy(() -> workspace.moveOut("../job", target))
        .isInstanceOf(SandboxFailure.class);
    assertThatThrownBy(() -> workspace.moveOut("out/secret", target))
        .isInstanceOf(SandboxFailure.class);
    assertThat(target).doesNotExist();
  }

  private void assertMoved(Path target) throws IOException {
    assertThat(Files.readString(target.resolve("report.json"))).isEqualTo("{}");
    assertThat(Files.readString(target.resolve("shots/01.png"))).isEqualTo("png");
    assertThat(workspace.root().resolve("out")).doesNotExist();
    assertThat(workspace.root().resolve("app/page.tsx")).exists();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
