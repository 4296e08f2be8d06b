package dev.kiln.platform.runtime;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Throwaway databases on Kiln's PostgreSQL server, created and dropped by the schema owner: the
 * generation pipeline proves a project's SQL by applying it to one. A Supabase-like shim (roles
 * {@code anon} and {@code authenticated}, {@code auth.uid()}) is there first, so row level security
 * written for Supabase applies too.
 */
@Component
public class ScratchDatabases {

  private static final String SHIM =
      """
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin; end if;
        if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin; end if;
      end $$;
      create schema if not exists auth;
      create or replace function auth.uid() returns uuid language sql stable
        as $f$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $f$;
      """;

  private final DatabaseEndpoint endpoint;
  private final SecureRandom random = new SecureRandom();

  ScratchDatabases(DatabaseServer server) {
    this.endpoint = server.endpoint();
  }

  /**
   * Applies {@code scripts} in order to a fresh database and drops it; answers null when all
   * applied, else the first error (which script, PostgreSQL's message).
   */
  public String apply(List<Script> scripts) {
    String name = "kiln_scratch_" + HexFormat.of().formatHex(random.generateSeed(6));
    try (Connection admin = connect(endpoint.jdbcUrl());
        Statement s = admin.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      return "could not create a scratch database: " + e.getMessage();
    }
    try {
      try (Connection c = connect(withDatabase(endpoint.jdbcUrl(), name));
          Statement s = c.createStatement()) {
        s.execute(SHIM);
        for (Script script : scripts) {
          try {
            s.execute(script.sql());
          } catch (SQLException e) {
            return script.name() + ": " + e.getMessage();
          }
        }
      }
      return null;
    } catch (SQLException e) {
      return "the scratch database failed: " + e.getMessage();
    } finally {
      try (Connection admin = connect(endpoint.jdbcUrl());
          Statement s = admin.createStatement()) {
        s.execute("drop database if exists " + name + " with (force)");
      } catch (SQLException ignored) {
        // dropped with the server's next restart at the latest
      }
    }
  }

  /** A named SQL script. */
  public record Script(String name, String sql) {}

  private Connection connect(String url) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", endpoint.ownerUser());
    if (endpoint.ownerPassword() != null) {
      props.setProperty("password", endpoint.ownerPassword());
    }
    return DriverManager.getConnection(url, props);
  }

  static String withDatabase(String jdbcUrl, String database) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String rest = query < 0 ? "" : jdbcUrl.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
  }
}
