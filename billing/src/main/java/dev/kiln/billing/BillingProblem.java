package dev.kiln.billing;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A billing error a client can act on, carried as an RFC 9457 problem with a stable type under
 * {@code https://kiln.dev/problems/}.
 */
public abstract class BillingProblem extends ErrorResponseException {

  protected BillingProblem(
      HttpStatus status, String slug, String title, String detail, Map<String, Object> extra) {
    super(status, problem(status, slug, title, detail, extra), null);
  }

  private static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail, Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://kiln.dev/problems/" + slug));
    problem.setTitle(title);
    extra.forEach(problem::setProperty);
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
