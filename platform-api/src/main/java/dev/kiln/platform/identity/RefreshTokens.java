package dev.kiln.platform.identity;

import dev.kiln.platform.web.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Each belongs to a family started at login;
 * using one marks it used and issues the next of the family. Presenting a used one again means it
 * leaked: the whole family is revoked.
 */
@Repository
class RefreshTokens {

  /** The outcome of presenting a refresh token. */
  sealed interface Use {
    record Valid(UUID userId, UUID familyId) implements Use {}

    record Reused() implements Use {}

    record Invalid() implements Use {}
  }

  private final JdbcClient jdbc;
  private final AuthSettings settings;
  private final Clock clock;

  RefreshTokens(JdbcClient jdbc, AuthSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /** A new token in {@code familyId}; returns the raw token, which is never stored. */
  String issue(UUID userId, UUID familyId) {
    String token = SecretTokens.random();
    Instant now = clock.instant();
    jdbc.sql(
            "insert into refresh_tokens (token_hash, family_id, user_id, expires_at, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            SecretTokens.hash(token),
            familyId,
            userId,
            Timestamp.from(now.plus(settings.refreshTokenTtl())),
            Timestamp.from(now))
        .update();
    return token;
  }

  /** Marks the token used, atomically; a second use revokes its family. Call in a transaction. */
  Use use(String token) {
    String hash = SecretTokens.hash(token);
    Timestamp now = Timestamp.from(clock.instant());
    Optional<Use> valid =
        jdbc.sql(
                "update refresh_tokens set used_at = ? where token_hash = ? and used_at is null"
                    + " and revoked_at is null and expires_at > ? returning user_id, family_id")
            .params(now, hash, now)
            .query(
                (rs, n) ->
                    (Use)
                        new Use.Valid(
                            rs.getObject("user_id", UUID.class),
                            rs.getObject("family_id", UUID.class)))
            .optional();
    if (valid.isPresent()) {
      return valid.get();
    }
    Optional<UUID> usedFamily =
        jdbc.sql(
                "select family_id from refresh_tokens where token_hash = ? and used_at is not null")
            .param(hash)
            .query(UUID.class)
            .optional();
    usedFamily.ifPresent(this::revokeFamily);
    return usedFamily.<Use>map(f -> new Use.Reused()).orElse(new Use.Invalid());
  }

  /** Revokes the family the token belongs to; unknown tokens are ignored. */
  void revokeFamilyOf(String token) {
    jdbc.sql("select family_id from refresh_tokens where token_hash = ?")
        .param(SecretTokens.hash(token))
        .query(UUID.class)
        .optional()
        .ifPresent(this::revokeFamily);
  }

  private void revokeFamily(UUID familyId) {
    jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
        .params(Timestamp.from(clock.instant()), familyId)
        .update();
  }
}
