package dev.kiln.platform.identity;

import dev.kiln.platform.web.FieldInvalid;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts: sign up, log in, refresh and log out. */
@Service
class Accounts {

  private static final Logger log = LoggerFactory.getLogger(Accounts.class);

  /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  private static final int MAX_PASSWORD_BYTES = 72;

  /** What a successful sign-up, login or refresh returns. */
  record Session(String accessToken, String refreshToken, long expiresIn, CurrentUser user) {}

  private final Users users;
  private final RefreshTokens refreshTokens;
  private final AccessTokens accessTokens;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final String dummyHash;

  Accounts(
      Users users,
      RefreshTokens refreshTokens,
      AccessTokens accessTokens,
      PasswordEncoder passwords,
      ApplicationEventPublisher events) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.passwords = passwords;
    this.events = events;
    this.dummyHash = passwords.encode("not-a-password-" + UUID.randomUUID());
  }

  /** Creates the account and its personal org; 409 when the email is taken. */
  @Transactional
  Session signUp(String email, String password, String name) {
    checkPasswordLength(password);
    Users.User user;
    try {
      user = users.insert(email, name, passwords.encode(password), false);
    } catch (DuplicateKeyException e) {
      throw new IdentityProblems.EmailTaken();
    }
    events.publishEvent(new UserSignedUp(user.id(), user.name()));
    log.info("User {} signed up", user.id());
    return startSession(user);
  }

  /** A wrong password and an unknown email answer the same, in about the same time. */
  @Transactional
  Session logIn(String email, String password) {
    Users.User user = users.byEmail(email).orElse(null);
    String hash = user == null || user.passwordHash() == null ? dummyHash : user.passwordHash();
    boolean matches =
        password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
            && passwords.matches(password, hash);
    if (user == null || user.passwordHash() == null || !matches) {
      throw new IdentityProblems.InvalidCredentials();
    }
    return startSession(user);
  }

  /** Rotates the refresh token; a reused one revokes its whole family (and that sticks). */
  @Transactional(noRollbackFor = IdentityProblems.InvalidRefreshToken.class)
  Session refresh(String refreshToken) {
    return switch (refreshTokens.use(refreshToken)) {
      case RefreshTokens.Use.Valid valid -> {
        Users.User user =
            users
                .byId(valid.userId())
                .orElseThrow(
                    () -> new IdentityProblems.InvalidRefreshToken("The account is gone."));
        yield new Session(
            accessTokens.issue(user),
            refreshTokens.issue(user.id(), valid.familyId()),
            accessTokens.ttlSeconds(),
            user.current());
      }
      case RefreshTokens.Use.Reused reused ->
          throw new IdentityProblems.InvalidRefreshToken(
              "This refresh token was already used. Every session it belonged to is now signed"
                  + " out; log in again.");
      case RefreshTokens.Use.Invalid invalid ->
          throw new IdentityProblems.InvalidRefreshToken(
              "The refresh token is unknown, expired or revoked; log in again.");
    };
  }

  /** Ends the session the token belongs to; unknown tokens are ignored (idempotent). */
  @Transactional
  void logOut(String refreshToken) {
    refreshTokens.revokeFamilyOf(refreshToken);
  }

  /** Creates the platform admin, or makes an existing account admin. Idempotent. */
  @Transactional
  void ensureAdmin(String email, String password) {
    Users.User existing = users.byEmail(email).orElse(null);
    if (existing != null) {
      users.makeAdmin(existing.id());
      return;
    }
    checkPasswordLength(password);
    Users.User admin = users.insert(email, "Admin", passwords.encode(password), true);
    events.publishEvent(new UserSignedUp(admin.id(), admin.name()));
  }

  private Session startSession(Users.User user) {
    return new Session(
        accessTokens.issue(user),
        refreshTokens.issue(user.id(), UUID.randomUUID()),
        accessTokens.ttlSeconds(),
        user.current());
  }

  private static void checkPasswordLength(String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new FieldInvalid("password", "must be at most 72 bytes in UTF-8");
    }
  }
}
