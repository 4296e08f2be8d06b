package dev.kiln.platform.generation.template;

import static dev.kiln.platform.generation.template.TemplateFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The rendered SQL applies to a real PostgreSQL in the pipeline's order (schema, seed, row level
 * security), and the policies do what db/rls.sql says: a request sees its organization's rows only,
 * and its role decides what it may change.
 */
class TemplateSqlIT {

  static final List<String> PROMPTS = TemplateFixtures.PROMPTS;

  /** What ScratchDatabases installs first, so Supabase-style policies apply. */
  private static final String SUPABASE_SHIM =
      """
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin; end if;
        if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin; end if;
      end $$;
      """;

  private static EmbeddedPostgres postgres;
  private static int databases;
  private final TemplateEngine engine = new TemplateEngine();

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @ParameterizedTest
  @FieldSource("PROMPTS")
  void theSqlAppliesAndSeedsEveryTable(String prompt) throws SQLException {
    Manifest m = plan(prompt);
    Artifacts a = engine.render(m);
    try (Connection c = freshDatabase();
        Statement s = c.createStatement()) {
      s.execute(SUPABASE_SHIM);
      s.execute(a.schemaSql());
      s.execute(a.seedSql());
      s.execute(a.rlsSql());
      for (Manifest.Entity entity : m.entities()) {
        assertThat(count(s, "select count(*) from " + Sql.table(entity)))
            .as(entity.plural())
            .isEqualTo(SeedData.ROWS);
        assertThat(
                count(
                    s,
                    "select count(*) from pg_policies where tablename = '" + entity.plural() + "'"))
            .isEqualTo(4);
      }
    }
  }

  @Test
  void aRevisedManifestAppliesToo() throws SQLException {
    Artifacts a = engine.render(TemplateFixtures.revisedKanban());
    try (Connection c = freshDatabase();
        Statement s = c.createStatement()) {
      s.execute(a.schemaSql());
      s.execute(a.seedSql());
      s.execute(a.rlsSql());
      assertThat(count(s, "select count(*) from tasks where due_date is not null"))
          .isEqualTo(SeedData.ROWS);
      assertThat(count(s, "select count(*) from vendors")).isEqualTo(SeedData.ROWS);
      assertThat(count(s, "select count(*) from columns where project_id is not null"))
          .isEqualTo(SeedData.ROWS);
    }
  }

  @Test
  void policiesKeepOrganizationsApartAndRolesInTheirLane() throws SQLException {
    Manifest m = plan(TemplateFixtures.DENTAL_CRM);
    Artifacts a = engine.render(m);
    String database;
    try (Connection owner = freshDatabase();
        Statement s = owner.createStatement()) {
      database = owner.getCatalog();
      s.execute(a.schemaSql());
      s.execute(a.seedSql());
      s.execute(a.rlsSql());
      s.execute(
          "do $$ begin if not exists (select 1 from pg_roles where rolname = 'kiln_app_user')"
              + " then create role kiln_app_user login; end if; end $$;");
      s.execute(
          "grant select, insert, update, delete on all tables in schema public to kiln_app_user");
      s.execute("grant usage on all sequences in schema public to kiln_app_user");
    }
    try (Connection app = postgres.getDatabase("kiln_app_user", database).getConnection();
        Statement s = app.createStatement()) {
      claims(s, Sql.DEMO_ORG, "viewer");
      assertThat(count(s, "select count(*) from patients")).isEqualTo(SeedData.ROWS);
      assertThatThrownBy(() -> s.execute("insert into patients (name) values ('Ada Lovelace')"))
          .hasMessageContaining("row-level security");
      claims(s, "00000000-0000-4000-8000-0000000000ff", "admin");
      assertThat(count(s, "select count(*) from patients")).isZero();
      claims(s, Sql.DEMO_ORG, "staff");
      s.execute("insert into patients (name, email) values ('Ada Lovelace', 'ada@example.com')");
      assertThat(count(s, "select count(*) from patients")).isEqualTo(SeedData.ROWS + 1);
      assertThat(s.executeUpdate("delete from invoices where id = 1")).isZero();
      claims(s, Sql.DEMO_ORG, "admin");
      assertThat(s.executeUpdate("delete from invoices where id = 1")).isEqualTo(1);
    }
  }

  @Test
  void checksRejectWhatTheFormsReject() throws SQLException {
    Artifacts a = engine.render(plan(TemplateFixtures.DENTAL_CRM));
    try (Connection c = freshDatabase();
        Statement s = c.createStatement()) {
      s.execute(a.schemaSql());
      String org = "'" + Sql.DEMO_ORG + "'";
      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into patients (org_id, name, email) values ("
                          + org
                          + ", 'A', 'not an email')"))
          .hasMessageContaining("check constraint");
      s.execute("insert into patients (org_id, name) values (" + org + ", 'A')");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into invoices (org_id, number, amount, status, issued_on, patient_id) values ("
                          + org
                          + ", 'X', 10, 'lost', '2026-01-01', 1)"))
          .hasMessageContaining("check constraint");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into invoices (org_id, number, amount, status, issued_on, patient_id) values ("
                          + org
                          + ", 'X', 10, 'paid', '2026-01-01', 99)"))
          .hasMessageContaining("foreign key");
    }
  }

  private static void claims(Statement s, String org, String role) throws SQLException {
    s.execute(
        "select set_config('request.jwt.claims', '{\"sub\": \""
            + Sql.DEMO_USER
            + "\", \"org_id\": \""
            + org
            + "\", \"app_role\": \""
            + role
            + "\"}', false)");
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static synchronized Connection freshDatabase() throws SQLException {
    String name = "template_" + (++databases);
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("create database " + name);
    }
    return postgres.getDatabase("postgres", name).getConnection();
  }
}
