package dev.kiln.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to a servlet response, for filters that answer before MVC. */
@Component
public class ProblemResponses {

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  /** Writes {@code problem} with its status and headers as {@code application/problem+json}. */
  public void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
      throws IOException {
    if (problem instanceof HasHeaders withHeaders) {
      withHeaders.headers().forEach(response::setHeader);
    }
    write(request, response, problem.toProblemDetail(request.getRequestURI()));
  }

  /** Writes a problem detail with its status as {@code application/problem+json}. */
  public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  /** A plain problem of a given status, type slug, title and detail. */
  public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ApiProblem.type(slug));
    problem.setTitle(title);
    return problem;
  }
}
