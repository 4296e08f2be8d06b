package dev.kiln.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tool is: the host lists it, bills it, schedules it and checks its compatibility from this
 * record alone. Every instance is valid: the constructor rejects bad values with an {@link
 * IllegalArgumentException} (or a {@link NullPointerException} for nulls) naming the field.
 *
 * @param id stable identifier, unique among installed tools: a lowercase letter or digit followed
 *     by 1 to 62 lowercase letters, digits or '-', e.g. {@code "prettier"}
 * @param version the tool plugin's own semantic version, e.g. {@code "1.2.0"}
 * @param reads globs (see {@link Globs}) of the project files the tool looks at, e.g. {@code
 *     "**}{@code /*.ts"}; never empty; an immutable copy
 * @param produces what its results contain; never empty; an immutable copy
 * @param costEstimateCredits credits the host holds before a run; zero or more
 * @param sdkRange the plugin-api versions it works with, as a PF4J / java-semver expression such as
 *     {@code ">=1.0.0 & <2.0.0"}; checked with {@link SdkVersion#check(String)} when loading
 * @param stability how mature the tool is
 */
@Stable
public record ToolDescriptor(
    String id,
    String version,
    List<String> reads,
    Set<Produces> produces,
    long costEstimateCredits,
    String sdkRange,
    Stability stability) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
  private static final Pattern SEMVER =
      Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  public ToolDescriptor {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id must match " + ID.pattern() + " (lowercase, 2 to 63 characters): \"" + id + "\"");
    }
    Objects.requireNonNull(version, "version");
    if (!SEMVER.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "version must be a semantic version such as 1.0.0: \"" + version + "\"");
    }
    reads = List.copyOf(Objects.requireNonNull(reads, "reads"));
    if (reads.isEmpty()) {
      throw new IllegalArgumentException("reads must name at least one glob, e.g. \"**/*.ts\"");
    }
    reads.forEach(Globs::validate);
    produces = Set.copyOf(Objects.requireNonNull(produces, "produces"));
    if (produces.isEmpty()) {
      throw new IllegalArgumentException("produces must contain DIAGNOSTICS, EDITS or both");
    }
    if (costEstimateCredits < 0) {
      throw new IllegalArgumentException(
          "costEstimateCredits must not be negative: " + costEstimateCredits);
    }
    Checks.nonBlank(sdkRange, "sdkRange");
    Objects.requireNonNull(stability, "stability");
  }
}
