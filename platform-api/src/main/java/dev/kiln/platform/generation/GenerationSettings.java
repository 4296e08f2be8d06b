package dev.kiln.platform.generation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generation pipeline, bound from {@code kiln.generation.*}.
 *
 * @param build whether a version is verified by building it in a sandbox (typecheck and {@code next
 *     build}); off only for tests of the stages before it
 * @param buildTimeout how long install, typecheck and build may take together
 * @param lease how long a worker's claim on a generation lasts before another may take it over
 */
@ConfigurationProperties("kiln.generation")
record GenerationSettings(
    @DefaultValue("true") boolean build,
    @DefaultValue("10m") Duration buildTimeout,
    @DefaultValue("20m") Duration lease) {}
