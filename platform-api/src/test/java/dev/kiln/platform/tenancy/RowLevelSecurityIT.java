package dev.kiln.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import dev.kiln.platform.support.KilnIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Row level security as PostgreSQL enforces it, beneath the application's own checks. */
@KilnIntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=2")
class RowLevelSecurityIT {

  @LocalServerPort int port;
  @Autowired JdbcClient app;
  @Autowired TransactionTemplate tx;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  JdbcClient owner;
  Api api;
  KilnFixtures fixtures;

  @BeforeEach
  void setUp() {
    owner = JdbcClient.create(ownerDataSource);
    api = new Api(port);
    fixtures = new KilnFixtures(api);
  }

  @Test
  void everyTenantTableHasRowLevelSecurityEnabledAndForced() {
    List<Map<String, Object>> tenantTables =
        owner
            .sql(
                "select c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                    + " (select count(*) from pg_policy p where p.polrelid = c.oid) as policies"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind = 'r' and (c.relname = 'orgs' or exists"
                    + " (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id'"
                    + " and not a.attisdropped))")
            .query()
            .listOfRows();
    assertThat(tenantTables)
        .extracting(r -> r.get("relname"))
        .contains("orgs", "memberships", "invitations");
    for (Map<String, Object> table : tenantTables) {
      assertThat(table.get("relrowsecurity"))
          .as("RLS enabled on %s", table.get("relname"))
          .isEqualTo(true);
      assertThat(table.get("relforcerowsecurity"))
          .as("RLS forced on %s", table.get("relname"))
          .isEqualTo(true);
      assertThat((Long) table.get("policies"))
          .as("policies on %s", table.get("relname"))
          .isPositive();
    }
  }

  @Test
  void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
    Map<String, Object> role =
        app.sql(
                "select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user")
            .query()
            .singleRow();
    assertThat(role.get("name")).isEqualTo("kiln_app");
    assertThat(role.get("rolsuper")).isEqualTo(false);
    assertThat(role.get("rolbypassrls")).isEqualTo(false);
    assertThat(
            app.sql(
                    "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                .query(Long.class)
                .single())
        .isZero();
    assertThatThrownBy(
            () -> app.sql("select count(*) from flyway_schema_history").query(Long.class).single())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void withNoTenantSetAQuerySeesNoRows() {
    TestUser user = fixtures.signUp("Has Rows");
    fixtures.invite(user, user.personalOrg(), "someone@example.com", "viewer");
    for (String table : List.of("orgs", "memberships", "invitations")) {
      assertThat(owner.sql("select count(*) from " + table).query(Long.class).single())
          .as(table)
          .isPositive();
      Long seen =
          tx.execute(s -> app.sql("select count(*) from " + table).query(Long.class).single());
      assertThat(seen).as("rows of %s seen with no tenant", table).isZero();
      assertThat(app.sql("select count(*) from " + table).query(Long.class).single()).isZero();
    }
  }

  @Test
  void aTenantCannotWriteIntoAnotherTenantsOrg() {
    TestUser a = fixtures.signUp("Writer A");
    TestUser b = fixtures.signUp("Writer B");
    assertThatThrownBy(
            () ->
                inScope(
                    a,
                    () ->
                        app.sql(
                                "insert into memberships (org_id, user_id, role) values (?, ?, 'owner')")
                            .params(b.personalOrg(), a.id())
                            .update()))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("row-level security");
    Integer changed =
        inScope(
            a,
            () ->
                app.sql("update orgs set name = 'pwned' where id = ?")
                    .param(b.personalOrg())
                    .update());
    assertThat(changed).isZero();
  }

  @Test
  void twoTenantsHammeringAPoolOfTwoConnectionsNeverSeeEachOthersRows() throws Exception {
    TestUser a = fixtures.signUp("Tenant A");
    TestUser b = fixtures.signUp("Tenant B");
    UUID orgA = fixtures.createOrg(a, "Org A");
    UUID orgB = fixtures.createOrg(b, "Org B");
    fixtures.invite(a, orgA, "guest-a@example.com", "viewer");
    fixtures.invite(b, orgB, "guest-b@example.com", "viewer");

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      TestUser user = t % 2 == 0 ? a : b;
      UUID org = t % 2 == 0 ? orgA : orgB;
      Set<UUID> mine = Set.of(org, user.personalOrg());
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 60; i++) {
                  List<UUID> orgs =
                      inScope(
                          user, org, () -> app.sql("select id from orgs").query(UUID.class).list());
                  assertThat(mine).containsAll(orgs);
                  List<String> invited =
                      inScope(
                          user,
                          org,
                          () ->
                              app.sql("select email from invitations").query(String.class).list());
                  assertThat(invited)
                      .allMatch(
                          e ->
                              e.equals(
                                  org == orgA ? "guest-a@example.com" : "guest-b@example.com"));
                  Api.Response members =
                      api.get("/api/v1/orgs/" + org + "/members", user.accessToken());
                  assertThat(members.status()).isEqualTo(200);
                  assertThat(members.json().valueStream().map(m -> m.get("email").asString()))
                      .containsExactly(user.email());
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    Long leftOver =
        tx.execute(s -> app.sql("select count(*) from orgs").query(Long.class).single());
    assertThat(leftOver).isZero();
  }

  private <T> T inScope(TestUser user, java.util.function.Supplier<T> body) {
    return inScope(user, user.personalOrg(), body);
  }

  private <T> T inScope(TestUser user, UUID org, java.util.function.Supplier<T> body) {
    TenantContext.set(new TenantContext.Scope(org, user.id(), Role.OWNER));
    try {
      return tx.execute(s -> body.get());
    } finally {
      TenantContext.clear();
    }
  }
}
