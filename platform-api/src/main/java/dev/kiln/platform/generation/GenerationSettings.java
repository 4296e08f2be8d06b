package dev.kiln.platform.generation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generation pipeline, bound from {@code kiln.generation.*}.
 *
 * @param build whether a version is verified by building it in a sandbox ({@code next build}, which
 *     typechecks, and the smoke test); off only for tests of the stages before it
 * @param buildTimeout how long install, build and smoke test may take together
 * @param buildCpus the CPU share of the build's sandbox ({@code next build} and Chromium use more
 *     than one core: on two, a generated app builds and passes its smoke test in about half the
 *     time it takes on one)
 * @param lease how long a worker's claim on a generation lasts before another may take it over
 * @param llmTokenBudget thousands of tokens an LLM generation may be metered for: its hold covers
 *     them on top of the generation's price, and the charge never exceeds the hold
 * @param autofixAttempts how many times a failed build is sent to the generator's fixer (0 to 2)
 */
@ConfigurationProperties("kiln.generation")
record GenerationSettings(
    @DefaultValue("true") boolean build,
    @DefaultValue("10m") Duration buildTimeout,
    @DefaultValue("2") double buildCpus,
    @DefaultValue("20m") Duration lease,
    @DefaultValue("20") long llmTokenBudget,
    @DefaultValue("2") int autofixAttempts) {

  GenerationSettings {
    if (llmTokenBudget < 1) {
      throw new IllegalArgumentException("kiln.generation.llm-token-budget must be at least 1");
    }
    if (!(buildCpus > 0)) {
      throw new IllegalArgumentException("kiln.generation.build-cpus must be more than 0");
    }
    if (autofixAttempts < 0 || autofixAttempts > 2) {
      throw new IllegalArgumentException("kiln.generation.autofix-attempts must be 0, 1 or 2");
    }
  }
}
