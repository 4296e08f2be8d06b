package dev.kiln.platform.tenancy;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Questions about orgs asked by platform code that is not a member of them (admins). */
@Component
public class OrgDirectory {

  private final Tenancy tenancy;
  private final JdbcClient jdbc;

  OrgDirectory(Tenancy tenancy, JdbcClient jdbc) {
    this.tenancy = tenancy;
    this.jdbc = jdbc;
  }

  /** Throws a 404 problem when no org has this id. */
  @Transactional(readOnly = true)
  public void requireExists(UUID orgId) {
    tenancy.enter(orgId);
    boolean exists =
        jdbc.sql("select count(*) from orgs where id = ?").param(orgId).query(Long.class).single()
            > 0;
    if (!exists) {
      throw new TenancyProblems.OrgNotFound();
    }
  }
}
