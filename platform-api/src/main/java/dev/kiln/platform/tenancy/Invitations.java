package dev.kiln.platform.tenancy;

import dev.kiln.platform.identity.CurrentUser;
import dev.kiln.platform.web.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations by email: a single-use secret token with an expiry, stored only as its hash. The
 * invitee accepts with the token while signed in with the invited email.
 */
@Service
class Invitations {

  /** A new invitation; {@code token} is shown once and never stored. */
  record Created(UUID id, String email, Role role, String token, Instant expiresAt) {}

  /** A pending invitation as the org's owners see it. */
  record Pending(UUID id, String email, Role role, Instant expiresAt, Instant createdAt) {}

  /** What accepting gave the invitee. */
  record Accepted(UUID orgId, String orgName, Role role) {}

  private record Row(
      UUID id,
      UUID orgId,
      String email,
      Role role,
      Instant expiresAt,
      Instant acceptedAt,
      Instant revokedAt) {}

  private final JdbcClient jdbc;
  private final Memberships memberships;
  private final Tenancy tenancy;
  private final TenancySettings settings;
  private final Clock clock;

  Invitations(
      JdbcClient jdbc,
      Memberships memberships,
      Tenancy tenancy,
      TenancySettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.memberships = memberships;
    this.tenancy = tenancy;
    this.settings = settings;
    this.clock = clock;
  }

  @Transactional
  Created invite(UUID orgId, UUID invitedBy, String email, Role role) {
    if (memberships.isMemberByEmail(orgId, email)) {
      throw new TenancyProblems.AlreadyMember();
    }
    String token = SecretTokens.random();
    UUID id = UUID.randomUUID();
    Instant expiresAt = clock.instant().plus(settings.invitationTtl());
    jdbc.sql(
            "insert into invitations (id, org_id, email, role, token_hash, invited_by, expires_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            orgId,
            email,
            role.id(),
            SecretTokens.hash(token),
            invitedBy,
            Timestamp.from(expiresAt))
        .update();
    return new Created(id, email, role, token, expiresAt);
  }

  @Transactional(readOnly = true)
  List<Pending> pending(UUID orgId) {
    return jdbc.sql(
            "select id, email, role, expires_at, created_at from invitations where org_id = ?"
                + " and accepted_at is null and revoked_at is null and expires_at > ?"
                + " order by created_at")
        .params(orgId, Timestamp.from(clock.instant()))
        .query(
            (rs, n) ->
                new Pending(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    Role.fromId(rs.getString(3)),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  @Transactional
  void revoke(UUID orgId, UUID invitationId) {
    int updated =
        jdbc.sql(
                "update invitations set revoked_at = ? where id = ? and org_id = ?"
                    + " and accepted_at is null and revoked_at is null")
            .params(Timestamp.from(clock.instant()), invitationId, orgId)
            .update();
    if (updated == 0) {
      throw new TenancyProblems.InvitationNotFound();
    }
  }

  /** Joins the org with the invited role; the token cannot be used again. */
  @Transactional
  Accepted accept(String token, CurrentUser user) {
    String hash = SecretTokens.hash(token);
    tenancy.presentInvitation(hash);
    Row invitation = find(hash);
    Instant now = clock.instant();
    if (invitation.revokedAt() != null) {
      throw new TenancyProblems.InvitationNotFound();
    }
    if (invitation.acceptedAt() != null) {
      throw new TenancyProblems.InvitationGone(
          "invitation-used", "This invitation was already used.");
    }
    if (!invitation.expiresAt().isAfter(now)) {
      throw new TenancyProblems.InvitationGone(
          "invitation-expired", "This invitation has expired. Ask an owner for a new one.");
    }
    if (!invitation.email().equals(user.email())) {
      throw new TenancyProblems.InvitationForAnotherEmail();
    }
    tenancy.enter(invitation.orgId());
    memberships.lockOrg(invitation.orgId());
    if (memberships.roleOf(invitation.orgId(), user.id()).isPresent()) {
      throw new TenancyProblems.AlreadyMember();
    }
    int claimed =
        jdbc.sql(
                "update invitations set accepted_at = ?, accepted_by = ? where id = ?"
                    + " and accepted_at is null")
            .params(Timestamp.from(now), user.id(), invitation.id())
            .update();
    if (claimed == 0) {
      throw new TenancyProblems.InvitationGone(
          "invitation-used", "This invitation was already used.");
    }
    memberships.insert(invitation.orgId(), user.id(), invitation.role());
    String orgName =
        jdbc.sql("select name from orgs where id = ?")
            .param(invitation.orgId())
            .query(String.class)
            .single();
    return new Accepted(invitation.orgId(), orgName, invitation.role());
  }

  private Row find(String hash) {
    return jdbc.sql(
            "select id, org_id, email, role, expires_at, accepted_at, revoked_at from invitations"
                + " where token_hash = ?")
        .param(hash)
        .query(
            (rs, n) ->
                new Row(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    Role.fromId(rs.getString(4)),
                    rs.getTimestamp(5).toInstant(),
                    instant(rs.getTimestamp(6)),
                    instant(rs.getTimestamp(7))))
        .optional()
        .orElseThrow(TenancyProblems.InvitationNotFound::new);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
