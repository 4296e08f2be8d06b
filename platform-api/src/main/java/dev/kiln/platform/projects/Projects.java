package dev.kiln.platform.projects;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project rows (the org in scope): name, and the head commit and manifest sha that generations move
 * forward with compare-and-set, so a job that started from an older state cannot land.
 */
@Component
public class Projects {

  /** A project as the API shows it. */
  public record Project(
      UUID id,
      UUID orgId,
      String name,
      UUID createdBy,
      Instant createdAt,
      Instant updatedAt,
      String head,
      String manifestSha) {}

  private final JdbcClient jdbc;
  private final ProjectRepos repos;

  Projects(JdbcClient jdbc, ProjectRepos repos) {
    this.jdbc = jdbc;
    this.repos = repos;
  }

  @Transactional
  public Project create(UUID org, String name, UUID by) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into projects (id, org_id, name, created_by) values (?, ?, ?, ?)")
        .params(id, org, name, by)
        .update();
    repos.create(id);
    return require(org, id);
  }

  @Transactional(readOnly = true)
  public List<Project> list(UUID org) {
    return jdbc.sql(SELECT + " where org_id = ? order by created_at desc")
        .param(org)
        .query(Projects::row)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Project> find(UUID org, UUID id) {
    return jdbc.sql(SELECT + " where org_id = ? and id = ?")
        .params(org, id)
        .query(Projects::row)
        .optional();
  }

  /** The project, or a 404 problem (also for another org's project). */
  @Transactional(readOnly = true)
  public Project require(UUID org, UUID id) {
    return find(org, id).orElseThrow(ProjectNotFound::new);
  }

  @Transactional
  public Project rename(UUID org, UUID id, String name) {
    int updated =
        jdbc.sql("update projects set name = ?, updated_at = now() where org_id = ? and id = ?")
            .params(name, org, id)
            .update();
    if (updated == 0) {
      throw new ProjectNotFound();
    }
    return require(org, id);
  }

  @Transactional
  public void delete(UUID org, UUID id) {
    int deleted =
        jdbc.sql("delete from projects where org_id = ? and id = ?").params(org, id).update();
    if (deleted == 0) {
      throw new ProjectNotFound();
    }
    repos.delete(id);
  }

  /**
   * Records the project's new head and the sha of the manifest it was built from. The race-free
   * check is the repository's (a commit names the head it builds on); this row mirrors it.
   */
  @Transactional
  public void recordHead(UUID org, UUID id, String head, String manifestSha) {
    jdbc.sql(
            "update projects set head = ?, manifest_sha = ?, updated_at = now()"
                + " where org_id = ? and id = ?")
        .params(head, manifestSha, org, id)
        .update();
  }

  private static final String SELECT =
      "select id, org_id, name, created_by, created_at, updated_at, head, manifest_sha from projects";

  private static Project row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Project(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getObject(4, UUID.class),
        rs.getTimestamp(5).toInstant(),
        rs.getTimestamp(6).toInstant(),
        rs.getString(7),
        rs.getString(8));
  }

  /** No such project in this org (also what another org's project looks like). */
  public static final class ProjectNotFound extends dev.kiln.platform.web.ApiProblem {
    ProjectNotFound() {
      super(
          org.springframework.http.HttpStatus.NOT_FOUND,
          "project-not-found",
          "Project not found",
          "This organization has no project with this id.");
    }
  }
}
