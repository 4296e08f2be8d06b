package dev.kiln.plugin.api;

import com.github.zafarkhaja.semver.Version;

/**
 * The version of this SDK and the check of a plugin's declared SDK range against it. Ranges are
 * read by java-semver, the parser PF4J uses for a manifest's {@code Plugin-Requires}, so the same
 * expressions work in both places: {@code ">=1.0.0 & <2.0.0"}, {@code "^1.0"}, {@code "~1.2"},
 * {@code "1.x"}, {@code "1.0.0 - 1.9.0"}, {@code "*"}, combined with {@code &}, {@code |}, {@code
 * !(..)} and parentheses. As in PF4J, a bare version such as {@code "1.2.0"} means {@code
 * ">=1.2.0"}.
 */
@Stable
public final class SdkVersion {

  /** The semantic version of plugin-api in this build. */
  public static final String CURRENT = "1.1.0";

  /** Maven coordinates of the SDK, for messages that tell authors what to rebuild against. */
  public static final String ARTIFACT = "dev.kiln:plugin-api";

  private static final String EXAMPLE_RANGE = ">=1.0.0 & <2.0.0";

  private SdkVersion() {}

  /**
   * Whether a plugin built for {@code pluginSdkRange} can run on this SDK.
   *
   * @param pluginSdkRange the plugin's {@link ToolDescriptor#sdkRange()} or {@code
   *     Plugin-Requires}; may be null or malformed, which is reported as incompatible
   * @return the verdict with a reason a plugin author can act on, never null
   */
  public static Compatibility check(String pluginSdkRange) {
    return check(pluginSdkRange, CURRENT);
  }

  static Compatibility check(String pluginSdkRange, String sdkVersion) {
    if (pluginSdkRange == null || pluginSdkRange.isBlank()) {
      return new Compatibility(
          false,
          "plugin declares no SDK range: declare one such as \""
              + EXAMPLE_RANGE
              + "\" in its descriptor and as Plugin-Requires in its manifest");
    }
    String range = pluginSdkRange.trim();
    String expression = range.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + range : range;
    boolean satisfied;
    try {
      satisfied = "*".equals(expression) || Version.parse(sdkVersion).satisfies(expression);
    } catch (RuntimeException malformed) { // java-semver reports every syntax error unchecked
      return new Compatibility(
          false,
          "plugin SDK range \""
              + range
              + "\" is not a valid version range ("
              + malformed.getMessage()
              + "): use an expression such as \""
              + EXAMPLE_RANGE
              + "\"");
    }
    String requirement = "plugin requires SDK \"" + range + "\"";
    if (satisfied) {
      return new Compatibility(
          true, requirement + " and this Kiln runs plugin-api " + sdkVersion + ": compatible");
    }
    long major = Version.parse(sdkVersion).majorVersion();
    return new Compatibility(
        false,
        requirement
            + " but this Kiln runs plugin-api "
            + sdkVersion
            + ": rebuild against "
            + ARTIFACT
            + " "
            + major
            + ".x or upgrade Kiln");
  }

  /**
   * The outcome of {@link #check(String)}.
   *
   * @param compatible whether the plugin may be started
   * @param reason why, in words a plugin author or admin can act on; never blank
   */
  @Stable
  public record Compatibility(boolean compatible, String reason) {

    public Compatibility {
      Checks.nonBlank(reason, "reason");
    }
  }
}
