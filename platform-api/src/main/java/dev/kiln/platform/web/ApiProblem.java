package dev.kiln.platform.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain error a client can act on. Each subclass has a stable {@code type} slug; the response is
 * an RFC 9457 problem with that type, a title, a human detail and optional extra properties.
 */
public abstract class ApiProblem extends RuntimeException {

  /** Every problem type lives under this URI. */
  public static final String TYPE_BASE = "https://kiln.dev/problems/";

  private final HttpStatus status;
  private final String slug;
  private final String title;

  protected ApiProblem(HttpStatus status, String slug, String title, String detail) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  /** Extra members of the problem object; never null. */
  protected Map<String, Object> properties() {
    return Map.of();
  }

  /** The problem as it is sent; {@code instance} is the request path. */
  public ProblemDetail toProblemDetail(String instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(type(slug));
    problem.setTitle(title);
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    properties().forEach(problem::setProperty);
    return problem;
  }

  /** The type URI of a problem slug. */
  public static URI type(String slug) {
    return URI.create(TYPE_BASE + slug);
  }
}
