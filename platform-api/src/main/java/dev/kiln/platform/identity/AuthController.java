package dev.kiln.platform.identity;

import dev.kiln.platform.web.TextRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/auth}: local accounts. Public; sign-up and login are rate limited. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

  record SignUp(
      @NotNull @Pattern(regexp = TextRules.EMAIL, message = TextRules.EMAIL_MESSAGE) String email,
      @NotNull
          @Size(min = 10, max = 72, message = "must be 10 to 72 characters")
          @Pattern(regexp = TextRules.NO_CONTROL, message = TextRules.NO_CONTROL_MESSAGE)
          String password,
      @NotNull @Pattern(regexp = TextRules.NAME, message = TextRules.NAME_MESSAGE) String name) {
    SignUp {
      email = Emails.normalize(email);
    }
  }

  record LogIn(
      @NotNull @Pattern(regexp = TextRules.EMAIL, message = TextRules.EMAIL_MESSAGE) String email,
      @NotNull @Size(max = 1024) String password) {
    LogIn {
      email = Emails.normalize(email);
    }
  }

  record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {}

  record Tokens(
      String accessToken, String refreshToken, String tokenType, long expiresIn, CurrentUser user) {
    static Tokens of(Accounts.Session session) {
      return new Tokens(
          session.accessToken(),
          session.refreshToken(),
          "Bearer",
          session.expiresIn(),
          session.user());
    }
  }

  private final Accounts accounts;

  AuthController(Accounts accounts) {
    this.accounts = accounts;
  }

  @PublicEndpoint
  @PostMapping("/signup")
  @ResponseStatus(HttpStatus.CREATED)
  Tokens signUp(@Valid @RequestBody SignUp request) {
    return Tokens.of(accounts.signUp(request.email(), request.password(), request.name()));
  }

  @PublicEndpoint
  @PostMapping("/login")
  Tokens logIn(@Valid @RequestBody LogIn request) {
    return Tokens.of(accounts.logIn(request.email(), request.password()));
  }

  @PublicEndpoint
  @PostMapping("/refresh")
  Tokens refresh(@Valid @RequestBody RefreshRequest request) {
    return Tokens.of(accounts.refresh(request.refreshToken()));
  }

  @PublicEndpoint
  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logOut(@Valid @RequestBody RefreshRequest request) {
    accounts.logOut(request.refreshToken());
  }
}
