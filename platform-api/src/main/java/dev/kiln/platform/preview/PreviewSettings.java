package dev.kiln.platform.preview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Live previews, bound from {@code kiln.preview.*}.
 *
 * @param enabled whether this process runs previews and their proxy
 * @param port where the preview proxy listens (0: any free port, for tests)
 * @param bindAddress the address it listens on
 * @param domain previews are served at {@code <link>.<domain>}; browsers resolve {@code
 *     *.localhost} to this machine, so the embedded default needs no DNS
 * @param scheme {@code http} or {@code https}, for the links handed out
 * @param publicPort the port in links (0: the listening port; none when it is 80 or 443)
 * @param linkTtl how long a preview link works
 * @param idleStop a preview nobody opened for this long is stopped (it starts again on a visit)
 * @param maxPerOrg running previews per org
 * @param whenFull {@code stop-oldest} (stop the org's least recently used preview) or {@code
 *     refuse} (a clear error) when an org is at its limit
 * @param startTimeout how long a dev server may take to answer its first page
 * @param memory memory of one preview's sandbox
 * @param lifetime the longest a preview sandbox lives, used or not
 * @param followVersions start or update the project's preview when a generation commits a version
 * @param signingKey base64 HMAC key for links; unset: a random one per start (links end with it)
 */
@ConfigurationProperties("kiln.preview")
public record PreviewSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("8081") int port,
    @DefaultValue("127.0.0.1") String bindAddress,
    @DefaultValue("preview.localhost") String domain,
    @DefaultValue("http") String scheme,
    @DefaultValue("0") int publicPort,
    @DefaultValue("1h") Duration linkTtl,
    @DefaultValue("15m") Duration idleStop,
    @DefaultValue("2") int maxPerOrg,
    @DefaultValue("stop-oldest") String whenFull,
    @DefaultValue("3m") Duration startTimeout,
    @DefaultValue("1536MB") DataSize memory,
    @DefaultValue("12h") Duration lifetime,
    @DefaultValue("true") boolean followVersions,
    String signingKey) {

  public PreviewSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("kiln.preview.port must be 0 to 65535");
    }
    if (!whenFull.equals("stop-oldest") && !whenFull.equals("refuse")) {
      throw new IllegalArgumentException("kiln.preview.when-full must be stop-oldest or refuse");
    }
    if (maxPerOrg < 1) {
      throw new IllegalArgumentException("kiln.preview.max-per-org must be at least 1");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("kiln.preview.scheme must be http or https");
    }
    if (domain.isBlank() || domain.startsWith(".") || domain.contains("/")) {
      throw new IllegalArgumentException("kiln.preview.domain must be a host name");
    }
  }

  boolean stopOldestWhenFull() {
    return whenFull.equals("stop-oldest");
  }
}
