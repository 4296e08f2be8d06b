package dev.kiln.plugin.eslint;

import dev.kiln.plugin.testkit.NpmInstall;
import dev.kiln.plugin.testkit.PluginHarness;
import java.nio.file.Path;

/** The fixture projects and the real ESLint the integration tests run. */
final class EslintFixtures {

  /**
   * A project whose {@code src/util.js} breaks prefer-const (fixable), no-unused-vars and eqeqeq,
   * whose {@code src/broken.js} does not parse, and whose TypeScript its config does not cover.
   */
  static final Path LINT_PROBLEMS = Path.of("src/test/resources/fixtures/lint-problems");

  private static final Path NODE_TOOLS = Path.of("src/test/resources/node-tools");

  private static final Path INSTALL_DIR = Path.of("target/node-tools");

  private EslintFixtures() {}

  /** The jar Maven packaged, passed in by failsafe. */
  static Path pluginJar() {
    return Path.of(System.getProperty("plugin.jar", "target/kiln-eslint.jar"));
  }

  /** A harness for the fixture with the real ESLint linked in as its node_modules. */
  static PluginHarness harness(Path fixture) throws Exception {
    return PluginHarness.forFolder(fixture)
        .nodeModules(NpmInstall.nodeModules(NODE_TOOLS, INSTALL_DIR));
  }
}
