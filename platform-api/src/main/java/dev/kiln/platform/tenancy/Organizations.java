package dev.kiln.platform.tenancy;

import dev.kiln.platform.identity.UserSignedUp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orgs and their members. The last owner can never leave or be demoted. */
@Service
class Organizations {

  /** An org as its members see it, with the caller's role. */
  record Org(UUID id, String name, boolean personal, Instant createdAt, Role role) {}

  private final Memberships memberships;
  private final Tenancy tenancy;
  private final JdbcClient jdbc;

  Organizations(Memberships memberships, Tenancy tenancy, JdbcClient jdbc) {
    this.memberships = memberships;
    this.tenancy = tenancy;
    this.jdbc = jdbc;
  }

  /** Every new user owns a personal org, created in the sign-up transaction. */
  @EventListener
  @Transactional
  void onSignUp(UserSignedUp signedUp) {
    create(signedUp.userId(), signedUp.name() + "'s workspace", true);
  }

  /** A new org with the caller as its owner. */
  @Transactional
  Org create(UUID ownerId, String name, boolean personal) {
    UUID id = UUID.randomUUID();
    tenancy.enter(id);
    memberships.insertOrg(id, name, personal);
    memberships.insert(id, ownerId, Role.OWNER);
    return get(id, Role.OWNER);
  }

  @Transactional(readOnly = true)
  Org get(UUID orgId, Role callerRole) {
    return jdbc.sql("select id, name, personal, created_at from orgs where id = ?")
        .param(orgId)
        .query(
            (rs, n) ->
                new Org(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getTimestamp(4).toInstant(),
                    callerRole))
        .optional()
        .orElseThrow(TenancyProblems.OrgNotFound::new);
  }

  @Transactional
  Org rename(UUID orgId, String name, Role callerRole) {
    jdbc.sql("update orgs set name = ? where id = ?").params(name, orgId).update();
    return get(orgId, callerRole);
  }

  @Transactional(readOnly = true)
  List<Memberships.Member> members(UUID orgId) {
    return memberships.members(orgId);
  }

  @Transactional(readOnly = true)
  List<Memberships.MyOrg> orgsOf(UUID userId) {
    return memberships.orgsOf(userId);
  }

  /** Gives a member another role; refuses to leave the org without an owner. */
  @Transactional
  Memberships.Member changeRole(UUID orgId, UUID userId, Role role) {
    memberships.lockOrg(orgId);
    Role current =
        memberships.roleOf(orgId, userId).orElseThrow(TenancyProblems.MemberNotFound::new);
    if (current == Role.OWNER && role != Role.OWNER && memberships.owners(orgId) <= 1) {
      throw new TenancyProblems.LastOwner();
    }
    memberships.updateRole(orgId, userId, role);
    return memberships.members(orgId).stream()
        .filter(m -> m.userId().equals(userId))
        .findFirst()
        .orElseThrow(TenancyProblems.MemberNotFound::new);
  }

  /** Removes a member, or lets a member leave; refuses to remove the last owner. */
  @Transactional
  void remove(UUID orgId, UUID userId) {
    memberships.lockOrg(orgId);
    Role current =
        memberships.roleOf(orgId, userId).orElseThrow(TenancyProblems.MemberNotFound::new);
    if (current == Role.OWNER && memberships.owners(orgId) <= 1) {
      throw new TenancyProblems.LastOwner();
    }
    memberships.delete(orgId, userId);
  }
}
