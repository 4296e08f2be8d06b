package dev.kiln.platform.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The memberships and orgs tables, as row level security lets the current scope see them. */
@Repository
class Memberships {

  /** A member as listed to the org. */
  record Member(UUID userId, String email, String name, Role role, Instant joinedAt) {}

  /** An org as listed to one of its members. */
  record MyOrg(UUID id, String name, Role role) {}

  private final JdbcClient jdbc;

  Memberships(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's role in the org, if a member. Visible through the user's own memberships. */
  @Transactional(readOnly = true)
  Optional<Role> roleOf(UUID orgId, UUID userId) {
    return jdbc.sql("select role from memberships where org_id = ? and user_id = ?")
        .params(orgId, userId)
        .query((rs, n) -> Role.fromId(rs.getString(1)))
        .optional();
  }

  void insertOrg(UUID id, String name, boolean personal) {
    jdbc.sql("insert into orgs (id, name, personal) values (?, ?, ?)")
        .params(id, name, personal)
        .update();
  }

  void insert(UUID orgId, UUID userId, Role role) {
    jdbc.sql("insert into memberships (org_id, user_id, role) values (?, ?, ?)")
        .params(orgId, userId, role.id())
        .update();
  }

  /** Locks the org row until the end of the transaction, serializing member changes. */
  void lockOrg(UUID orgId) {
    jdbc.sql("select id from orgs where id = ? for update").param(orgId).query().listOfRows();
  }

  int owners(UUID orgId) {
    return jdbc.sql("select count(*) from memberships where org_id = ? and role = 'owner'")
        .param(orgId)
        .query(Integer.class)
        .single();
  }

  void updateRole(UUID orgId, UUID userId, Role role) {
    jdbc.sql("update memberships set role = ? where org_id = ? and user_id = ?")
        .params(role.id(), orgId, userId)
        .update();
  }

  void delete(UUID orgId, UUID userId) {
    jdbc.sql("delete from memberships where org_id = ? and user_id = ?")
        .params(orgId, userId)
        .update();
  }

  List<Member> members(UUID orgId) {
    return jdbc.sql(
            "select u.id, u.email, u.name, m.role, m.created_at from memberships m"
                + " join users u on u.id = m.user_id where m.org_id = ? order by m.created_at, u.email")
        .param(orgId)
        .query(
            (rs, n) ->
                new Member(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    Role.fromId(rs.getString(4)),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  boolean isMemberByEmail(UUID orgId, String email) {
    return jdbc.sql(
                "select count(*) from memberships m join users u on u.id = m.user_id"
                    + " where m.org_id = ? and u.email = ?")
            .params(orgId, email)
            .query(Integer.class)
            .single()
        > 0;
  }

  List<MyOrg> orgsOf(UUID userId) {
    return jdbc.sql(
            "select o.id, o.name, m.role from memberships m join orgs o on o.id = m.org_id"
                + " where m.user_id = ? order by o.personal desc, o.created_at")
        .param(userId)
        .query(
            (rs, n) ->
                new MyOrg(
                    rs.getObject(1, UUID.class), rs.getString(2), Role.fromId(rs.getString(3))))
        .list();
  }
}
