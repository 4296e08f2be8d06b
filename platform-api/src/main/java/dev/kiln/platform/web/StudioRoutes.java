package dev.kiln.platform.web;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the studio, a single-page app (module {@code studio-ui}, in {@code static/}), on its own
 * client-side routes: a GET of {@code /} or of a path under one of {@link #STUDIO_PATHS} that is
 * not a file (no dot in its last segment) answers {@code static/index.html}, so {@code /login} or
 * {@code /orgs/{org}/projects/{project}} survive a reload. Every other path keeps its own answer
 * (an unknown {@code /api} path is still a 401 or 404 problem, a controller elsewhere is reached)
 * and a missing file stays a 404. The build's content-hashed {@code /assets/**} are cached for a
 * year; the page itself never is. The page carries a strict Content-Security-Policy: its own
 * scripts only, no inline script, frames only from the preview domain (each preview on its own
 * origin), and it may not be framed itself.
 */
@Configuration(proxyBeanMethods = false)
class StudioRoutes {

  /**
   * The studio's own routes (its router's top-level paths): only these answer the page, so a
   * controller outside {@code /api} is never shadowed by it and an unknown path stays a 404.
   */
  static final List<String> STUDIO_PATHS =
      List.of("/login", "/signup", "/account", "/invitations", "/orgs");

  private static final Resource INDEX = new ClassPathResource("static/index.html");
  private static final Resource ASSETS = new ClassPathResource("static/assets/");
  private static final CacheControl IMMUTABLE =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  @Bean
  RouterFunction<ServerResponse> studio(
      @Value("${kiln.preview.scheme:http}") String previewScheme,
      @Value("${kiln.preview.domain:preview.localhost}") String previewDomain) {
    String policy = policy(previewScheme, previewDomain);
    return RouterFunctions.resource(
            studioPage(),
            INDEX,
            (resource, headers) -> {
              headers.setCacheControl("no-cache");
              headers.set("Content-Security-Policy", policy);
            })
        .and(
            RouterFunctions.resources(
                "/assets/**",
                ASSETS,
                (resource, headers) -> headers.setCacheControl(IMMUTABLE.getHeaderValue())));
  }

  /**
   * The studio page's policy. Styles may be inline (the dialogs' scroll lock injects a style tag);
   * images may be blobs (smoke-test screenshots fetched with the user's token); previews are framed
   * from any port of the preview domain's subdomains.
   */
  static String policy(String previewScheme, String previewDomain) {
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src " + previewScheme + "://*." + previewDomain + ":*",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'");
  }

  private static RequestPredicate studioPage() {
    return RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD)
        .and(request -> isStudioPath(request.path()));
  }

  /** True for a path the studio routes itself: one of its routes, and not a file name. */
  static boolean isStudioPath(String path) {
    boolean studio =
        path.equals("/")
            || STUDIO_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    String last = path.substring(path.lastIndexOf('/') + 1);
    return studio && !last.contains(".");
  }
}
