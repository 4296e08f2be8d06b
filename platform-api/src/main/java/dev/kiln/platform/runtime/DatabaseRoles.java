package dev.kiln.platform.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Keeps the application's database role as row level security needs it: a login that owns nothing
 * and cannot bypass RLS, with data privileges on the tables and none on the migration history. Runs
 * as the schema owner around every migration; idempotent.
 */
final class DatabaseRoles implements Callback {

  private static final Set<String> ALLOWED_PRIVILEGES =
      Set.of("select", "insert", "update", "delete");

  private final AppRoleCredentials app;

  DatabaseRoles(AppRoleCredentials app) {
    this.app = app;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try (Statement s = context.getConnection().createStatement()) {
      String role = app.user();
      if (event == Event.BEFORE_MIGRATE) {
        s.execute(
            "do $$ begin if not exists (select from pg_roles where rolname = '"
                + role
                + "') then create role "
                + role
                + " login nosuperuser nobypassrls nocreatedb nocreaterole; end if; end $$");
        return;
      }
      s.execute(
          "alter role "
              + role
              + " with login nosuperuser nobypassrls password '"
              + app.password()
              + "'");
      s.execute("grant usage on schema public to " + role);
      s.execute("grant select, insert, update, delete on all tables in schema public to " + role);
      s.execute("grant usage, select on all sequences in schema public to " + role);
      s.execute("revoke all on flyway_schema_history from " + role);
      restrictByComment(s, role);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the application database role", e);
    }
  }

  /**
   * A table whose comment says {@code [app: select, insert]} gets exactly those privileges, so an
   * append-only ledger cannot be updated or deleted by the application even by mistake.
   */
  private static void restrictByComment(Statement s, String role) throws SQLException {
    Map<String, String> restricted = new LinkedHashMap<>();
    try (ResultSet rs =
        s.executeQuery(
            "select c.relname, substring(obj_description(c.oid, 'pg_class') from '\\[app: ([a-z, ]+)\\]')"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' and c.relkind = 'r'"
                + " and obj_description(c.oid, 'pg_class') ~ '\\[app: [a-z, ]+\\]'")) {
      while (rs.next()) {
        restricted.put(rs.getString(1), rs.getString(2));
      }
    }
    for (Map.Entry<String, String> table : restricted.entrySet()) {
      List<String> privileges =
          Arrays.stream(table.getValue().split(",")).map(String::strip).toList();
      if (!ALLOWED_PRIVILEGES.containsAll(privileges)) {
        throw new IllegalStateException("Unknown privilege in the comment of " + table.getKey());
      }
      s.execute("revoke all on " + table.getKey() + " from " + role);
      s.execute("grant " + String.join(", ", privileges) + " on " + table.getKey() + " to " + role);
    }
  }

  @Override
  public String getCallbackName() {
    return "kiln-database-roles";
  }
}
