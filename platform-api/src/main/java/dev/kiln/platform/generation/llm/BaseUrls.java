package dev.kiln.platform.generation.llm;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which base URLs an org may point the gateway at. The platform calls them with the org's key, so
 * unless {@code kiln.llm.allow-private-base-urls} is set they must be https and must not reach the
 * platform's own network (loopback, private, link-local and similar addresses).
 */
final class BaseUrls {

  private BaseUrls() {}

  /** What is wrong with {@code value} as an org's base URL, or empty when it is acceptable. */
  static Optional<String> problem(String value, boolean allowPrivate) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.of("must be a URL such as https://openrouter.ai/api/v1");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
      return Optional.of("must be an https URL");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      return Optional.of("must be an http(s) URL with a host and no user name or password");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("must not have a query or a fragment");
    }
    if (!allowPrivate && internalName(uri.getHost())) {
      return Optional.of("must point at a public provider, not a local or private address");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code host} resolves to an address of the platform's own network; checked again just
   * before a request, since DNS may have changed since the URL was stored.
   */
  static boolean resolvesPrivately(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (internal(address)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false; // the request itself will fail to connect, and say so
    }
  }

  private static boolean internalName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local")) {
      return true;
    }
    if (h.endsWith(".internal") || h.endsWith(".svc") || h.contains(".svc.cluster.")) {
      return true;
    }
    if (h.startsWith("[") || h.matches("[0-9.]+")) {
      try {
        return internal(InetAddress.getByName(h));
      } catch (UnknownHostException e) {
        return true;
      }
    }
    return false;
  }

  private static boolean internal(InetAddress a) {
    byte[] b = a.getAddress();
    boolean ipv6UniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    boolean carrierGradeNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    return a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()
        || ipv6UniqueLocal
        || carrierGradeNat;
  }
}
