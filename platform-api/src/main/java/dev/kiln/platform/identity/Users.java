package dev.kiln.platform.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. Users are global: no tenant owns them. */
@Repository
class Users {

  /** A stored user. {@code passwordHash} is null for users from an external issuer. */
  record User(UUID id, String email, String name, String passwordHash, boolean admin) {
    CurrentUser current() {
      return new CurrentUser(id, email, name, admin);
    }
  }

  private static final RowMapper<User> ROW =
      (rs, n) ->
          new User(
              rs.getObject("id", UUID.class),
              rs.getString("email"),
              rs.getString("name"),
              rs.getString("password_hash"),
              rs.getBoolean("admin"));

  private static final String COLUMNS = "id, email, name, password_hash, admin";

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Throws {@code DuplicateKeyException} when the email is taken. */
  User insert(String email, String name, String passwordHash, boolean admin) {
    User user = new User(UUID.randomUUID(), email, name, passwordHash, admin);
    jdbc.sql("insert into users (id, email, name, password_hash, admin) values (?, ?, ?, ?, ?)")
        .params(user.id(), email, name, passwordHash, admin)
        .update();
    return user;
  }

  User insertExternal(String issuer, String subject, String email, String name) {
    User user = new User(UUID.randomUUID(), email, name, null, false);
    jdbc.sql(
            "insert into users (id, email, name, admin, external_issuer, external_subject)"
                + " values (?, ?, ?, false, ?, ?)")
        .params(user.id(), email, name, issuer, subject)
        .update();
    return user;
  }

  Optional<User> byId(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from users where id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }

  Optional<User> byEmail(String email) {
    return jdbc.sql("select " + COLUMNS + " from users where email = ?")
        .param(email)
        .query(ROW)
        .optional();
  }

  Optional<User> byExternalSubject(String issuer, String subject) {
    return jdbc.sql(
            "select " + COLUMNS + " from users where external_issuer = ? and external_subject = ?")
        .params(issuer, subject)
        .query(ROW)
        .optional();
  }

  void makeAdmin(UUID id) {
    jdbc.sql("update users set admin = true where id = ?").param(id).update();
  }
}
