package dev.kiln.plugin.prettier;

import dev.kiln.plugin.testkit.NpmInstall;
import dev.kiln.plugin.testkit.PluginHarness;
import java.nio.file.Path;

/** The fixture projects and the real Prettier the integration tests run. */
final class PrettierFixtures {

  /** A project with unformatted, formatted, ignored and unparsable files. */
  static final Path UNFORMATTED = Path.of("src/test/resources/fixtures/unformatted");

  /** The package the test tools are installed from, and where they are installed once. */
  private static final Path NODE_TOOLS = Path.of("src/test/resources/node-tools");

  private static final Path INSTALL_DIR = Path.of("target/node-tools");

  /** The jar Maven packaged, passed in by failsafe. */
  static Path pluginJar() {
    return Path.of(System.getProperty("plugin.jar", "target/kiln-prettier.jar"));
  }

  /** A harness for the fixture with the real Prettier linked in as its node_modules. */
  static PluginHarness harness(Path fixture) throws Exception {
    return PluginHarness.forFolder(fixture)
        .nodeModules(NpmInstall.nodeModules(NODE_TOOLS, INSTALL_DIR));
  }

  private PrettierFixtures() {}
}
