package dev.kiln.plugin.tsc;

import dev.kiln.plugin.testkit.NpmInstall;
import dev.kiln.plugin.testkit.PluginHarness;
import java.nio.file.Path;

/** The fixture projects and the real TypeScript compiler the integration tests run. */
final class TscFixtures {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  /** {@code src/types.ts}: TS2322 at 1:7, and at 2:14 with a three-line message. */
  static final Path TYPE_ERRORS = FIXTURES.resolve("type-errors");

  /** A strict project that type-checks. */
  static final Path CLEAN = FIXTURES.resolve("clean");

  /** TypeScript sources but no tsconfig.json. */
  static final Path NO_TSCONFIG = FIXTURES.resolve("no-tsconfig");

  private static final Path NODE_TOOLS = Path.of("src/test/resources/node-tools");

  private static final Path INSTALL_DIR = Path.of("target/node-tools");

  private TscFixtures() {}

  /** The jar Maven packaged, passed in by failsafe. */
  static Path pluginJar() {
    return Path.of(System.getProperty("plugin.jar", "target/kiln-tsc.jar"));
  }

  /** A harness for the fixture with the real TypeScript linked in as its node_modules. */
  static PluginHarness harness(Path fixture) throws Exception {
    return PluginHarness.forFolder(fixture)
        .nodeModules(NpmInstall.nodeModules(NODE_TOOLS, INSTALL_DIR));
  }
}
