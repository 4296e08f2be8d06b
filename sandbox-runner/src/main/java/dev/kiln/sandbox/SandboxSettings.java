package dev.kiln.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How sandboxes run, bound from {@code kiln.sandbox.*} ({@code KILN_SANDBOX_BACKEND}...).
 *
 * @param backend {@code auto} (Docker when its daemon answers, else bubblewrap), {@code docker} or
 *     {@code bubblewrap}
 * @param dockerHost the Docker daemon's address
 * @param image the sandbox image
 * @param workspaces where job workspaces live on the host; blank means {@code KILN_HOME/sandboxes}
 * @param warmPool started Docker containers kept idle per image and limits
 * @param egressAllowlist host names REGISTRY_ONLY sandboxes may reach through the egress proxy
 * @param cache where installed dependency trees live; blank means {@code KILN_HOME/cache/deps}
 * @param cacheMaxSize the size the dependency cache is brought back under, least recently used
 *     first
 * @param cacheMinIdle an entry used more recently than this is never evicted
 * @param cacheEvictEvery how often the cache is checked
 */
@ConfigurationProperties("kiln.sandbox")
public record SandboxSettings(
    @DefaultValue("auto") String backend,
    @DefaultValue("unix:///var/run/docker.sock") String dockerHost,
    @DefaultValue("kiln/sandbox-node:latest") String image,
    Path workspaces,
    @DefaultValue("2") int warmPool,
    @DefaultValue("registry.npmjs.org") List<String> egressAllowlist,
    Path cache,
    @DefaultValue("10GB") DataSize cacheMaxSize,
    @DefaultValue("30m") Duration cacheMinIdle,
    @DefaultValue("15m") Duration cacheEvictEvery) {}
