package dev.kiln.platform.generation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Generation rows (the org in scope) and their state changes. */
@Component
class Generations {

  static final String GENERATOR_TEMPLATE = "template";
  static final String GENERATOR_LLM = "llm";

  /** A generation as the API shows it. */
  record Generation(
      UUID id,
      UUID projectId,
      String kind,
      String prompt,
      String status,
      String stage,
      long estimate,
      String version,
      String error,
      Long charged,
      UUID createdBy,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      UUID holdId,
      String generator,
      boolean ownKey,
      long promptTokens,
      long completionTokens) {

    boolean llm() {
      return generator.equals(GENERATOR_LLM);
    }

    boolean finished() {
      return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
    }
  }

  private final JdbcClient jdbc;

  Generations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  void insert(
      UUID id,
      UUID org,
      UUID project,
      String kind,
      String prompt,
      long estimate,
      UUID hold,
      UUID by,
      String generator,
      boolean ownKey) {
    jdbc.sql(
            "insert into generations (id, org_id, project_id, kind, prompt, status, estimate,"
                + " hold_id, created_by, generator, own_key)"
                + " values (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)")
        .params(id, org, project, kind, prompt, estimate, hold, by, generator, ownKey)
        .update();
  }

  /** Adds the tokens of model requests made for the generation (metered when it succeeds). */
  @Transactional
  void addUsage(UUID org, UUID id, long promptTokens, long completionTokens) {
    jdbc.sql(
            "update generations set prompt_tokens = prompt_tokens + ?,"
                + " completion_tokens = completion_tokens + ? where org_id = ? and id = ?")
        .params(promptTokens, completionTokens, org, id)
        .update();
  }

  @Transactional(readOnly = true)
  Optional<Generation> find(UUID org, UUID id) {
    return jdbc.sql(SELECT + " where org_id = ? and id = ?")
        .params(org, id)
        .query(Generations::row)
        .optional();
  }

  @Transactional(readOnly = true)
  List<Generation> list(UUID org, UUID project) {
    return jdbc.sql(SELECT + " where org_id = ? and project_id = ? order by created_at desc")
        .params(org, project)
        .query(Generations::row)
        .list();
  }

  /** True when any generation of the project is queued or running. */
  @Transactional(readOnly = true)
  boolean busy(UUID org, UUID project) {
    return jdbc.sql(
                "select count(*) from generations where org_id = ? and project_id = ?"
                    + " and status in ('queued', 'running')")
            .params(org, project)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Claims a queued generation, or one whose worker's lease ran out, for {@code until}; false when
   * it is finished, cancelled or running under a live lease (a duplicate delivery).
   */
  @Transactional
  boolean claim(UUID org, UUID id, Instant until) {
    return jdbc.sql(
                "update generations set status = 'running', claimed_until = ?,"
                    + " started_at = coalesce(started_at, now())"
                    + " where org_id = ? and id = ? and (status = 'queued'"
                    + " or (status = 'running' and claimed_until < now()))")
            .params(java.sql.Timestamp.from(until), org, id)
            .update()
        == 1;
  }

  @Transactional
  void stage(UUID org, UUID id, String stage) {
    jdbc.sql("update generations set stage = ? where org_id = ? and id = ? and status = 'running'")
        .params(stage, org, id)
        .update();
  }

  /** Ends a running (or queued) generation; false if it had already ended (e.g. cancelled). */
  @Transactional
  boolean finish(UUID org, UUID id, String status, String version, String error, Long charged) {
    return jdbc.sql(
                "update generations set status = ?, version = coalesce(?, version), error = ?,"
                    + " charged = ?, finished_at = now(), claimed_until = null"
                    + " where org_id = ? and id = ? and status in ('queued', 'running')")
            .params(status, version, error, charged, org, id)
            .update()
        == 1;
  }

  @Transactional(readOnly = true)
  boolean cancelled(UUID org, UUID id) {
    return jdbc.sql("select status = 'cancelled' from generations where org_id = ? and id = ?")
        .params(org, id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private static final String SELECT =
      "select id, project_id, kind, prompt, status, stage, estimate, version, error, charged,"
          + " created_by, created_at, started_at, finished_at, hold_id, generator, own_key,"
          + " prompt_tokens, completion_tokens from generations";

  private static Generation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Generation(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getString(8),
        rs.getString(9),
        (Long) rs.getObject(10),
        rs.getObject(11, UUID.class),
        rs.getTimestamp(12).toInstant(),
        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(),
        rs.getObject(15, UUID.class),
        rs.getString(16),
        rs.getBoolean(17),
        rs.getLong(18),
        rs.getLong(19));
  }
}
