package dev.kiln.platform.runtime;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Keeps the application's database role as row level security needs it: a login that owns nothing
 * and cannot bypass RLS, with data privileges on the tables and none on the migration history. Runs
 * as the schema owner around every migration; idempotent.
 */
final class DatabaseRoles implements Callback {

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
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the application database role", e);
    }
  }

  @Override
  public String getCallbackName() {
    return "kiln-database-roles";
  }
}
