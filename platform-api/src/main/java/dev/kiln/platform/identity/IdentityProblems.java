package dev.kiln.platform.identity;

import dev.kiln.platform.web.ApiProblem;
import dev.kiln.platform.web.HasHeaders;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The errors of signing up, in and out. */
final class IdentityProblems {

  private IdentityProblems() {}

  static final class EmailTaken extends ApiProblem {
    EmailTaken() {
      super(
          HttpStatus.CONFLICT,
          "email-taken",
          "Email already registered",
          "An account with this email already exists. Log in instead, or reset its password.");
    }
  }

  /** The same answer for an unknown email and a wrong password. */
  static final class InvalidCredentials extends ApiProblem {
    InvalidCredentials() {
      super(
          HttpStatus.UNAUTHORIZED,
          "invalid-credentials",
          "Invalid credentials",
          "The email or the password is wrong.");
    }
  }

  static final class InvalidRefreshToken extends ApiProblem {
    InvalidRefreshToken(String detail) {
      super(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token", detail);
    }
  }

  static final class ExternalAccountConflict extends ApiProblem {
    ExternalAccountConflict() {
      super(
          HttpStatus.CONFLICT,
          "external-account-conflict",
          "Email belongs to another account",
          "A Kiln account with this email exists that was not created by your identity provider.");
    }
  }

  static final class RateLimited extends ApiProblem implements HasHeaders {
    private final long retryAfterSeconds;

    RateLimited(long retryAfterSeconds) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "rate-limited",
          "Too many attempts",
          "Too many sign-up or login attempts from this address. Try again in "
              + retryAfterSeconds
              + " seconds.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
      return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
    }

    @Override
    protected Map<String, Object> properties() {
      return Map.of("retryAfterSeconds", retryAfterSeconds);
    }
  }
}
