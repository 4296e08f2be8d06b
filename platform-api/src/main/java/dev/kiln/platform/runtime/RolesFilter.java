package dev.kiln.platform.runtime;

import dev.kiln.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A process without the {@code api} role (for example {@code KILN_ROLES=sandbox}, a worker on its
 * own) serves only {@code /actuator/**} (health and metrics for its orchestrator); everything else
 * answers 404 with a problem saying which roles this process plays.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RolesFilter extends OncePerRequestFilter {

  static final String API_ROLE = "api";

  private final boolean servesApi;
  private final String roles;
  private final ProblemResponses problems;

  RolesFilter(RuntimeSettings settings, ProblemResponses problems) {
    this.servesApi = settings.roles().stream().anyMatch(r -> r.strip().equals(API_ROLE));
    this.roles = String.join(",", settings.roles());
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return servesApi || request.getRequestURI().startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    problems.write(
        request,
        response,
        ProblemResponses.problem(
            HttpStatus.NOT_FOUND,
            "role-not-served",
            "Not served by this process",
            "This Kiln process plays the roles '"
                + roles
                + "'; the API is served by processes with the api role."));
  }
}
