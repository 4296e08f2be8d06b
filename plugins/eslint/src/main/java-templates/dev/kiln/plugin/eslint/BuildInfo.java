package dev.kiln.plugin.eslint;

/** Facts of this build, filled in by Maven so the descriptor agrees with the manifest. */
final class BuildInfo {

  /** The plugin's version: {@code Plugin-Version}. */
  static final String VERSION = "${project.version}";

  /** The plugin-api versions it accepts: {@code Plugin-Requires}. */
  static final String SDK_RANGE = "${kiln.sdk.range}";

  private BuildInfo() {}
}
