package dev.kiln.platform.identity;

import dev.kiln.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 from the security filters, as problems like every other error. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemResponses problems;

  ProblemSecurityHandlers(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean presented = request.getHeader("Authorization") != null;
    response.setHeader(
        "WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"kiln\"");
    problems.write(
        request,
        response,
        ProblemResponses.problem(
            HttpStatus.UNAUTHORIZED,
            presented ? "invalid-token" : "unauthenticated",
            "Unauthorized",
            presented
                ? "The access token is invalid or expired. Refresh it or log in again."
                : "This needs a bearer access token: log in at /api/v1/auth/login."));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    problems.write(
        request,
        response,
        ProblemResponses.problem(
            HttpStatus.FORBIDDEN,
            "admin-required",
            "Forbidden",
            "Only platform admins may do this."));
  }
}
