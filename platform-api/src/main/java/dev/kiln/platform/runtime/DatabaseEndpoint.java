package dev.kiln.platform.runtime;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the database is and who may connect.
 *
 * @param jdbcUrl never null; user and password parameters in it are ignored (the driver would let
 *     them override the pool's credentials)
 * @param ownerUser the schema owner (migrations)
 * @param ownerPassword may be null
 * @param description one human line for the start-up report
 */
record DatabaseEndpoint(
    String jdbcUrl, String ownerUser, String ownerPassword, String description) {

  private static final Pattern CREDENTIAL = Pattern.compile("(?i)(user|password)=.*");

  DatabaseEndpoint {
    jdbcUrl = withoutCredentials(jdbcUrl);
  }

  static String withoutCredentials(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String kept =
        Arrays.stream(url.substring(query + 1).split("&"))
            .filter(p -> !p.isEmpty() && !CREDENTIAL.matcher(p).matches())
            .collect(Collectors.joining("&"));
    return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }
}
