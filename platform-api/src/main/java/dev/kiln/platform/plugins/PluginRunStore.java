package dev.kiln.platform.plugins;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The record of plugin runs, one immutable row per plugin per run (the org must be in scope). */
@Component
class PluginRunStore {

  /** A recorded run as the API shows it. */
  record RunRecord(
      UUID id,
      String runRef,
      String pluginId,
      String pluginVersion,
      String outcome,
      String error,
      long durationMs,
      Object diagnostics,
      Object editsApplied,
      Object editsRejected,
      long credits,
      Instant startedAt) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  PluginRunStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional
  public void insert(UUID org, String runRef, PluginOutcome outcome, Instant startedAt) {
    jdbc.sql(
            "insert into plugin_runs (id, org_id, run_ref, plugin_id, plugin_version, outcome,"
                + " error, duration_ms, diagnostics, edits_applied, edits_rejected, credits,"
                + " started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)")
        .params(
            UUID.randomUUID(),
            org,
            runRef,
            outcome.pluginId(),
            outcome.version(),
            outcome.status().id(),
            outcome.error(),
            outcome.took().toMillis(),
            json.writeValueAsString(outcome.diagnostics()),
            json.writeValueAsString(outcome.editsApplied()),
            json.writeValueAsString(outcome.editsRejected()),
            outcome.credits(),
            java.sql.Timestamp.from(startedAt))
        .update();
  }

  @Transactional(readOnly = true)
  public List<RunRecord> recent(UUID org, String runRef, int limit) {
    return jdbc.sql(
            "select id, run_ref, plugin_id, plugin_version, outcome, error, duration_ms,"
                + " diagnostics::text, edits_applied::text, edits_rejected::text, credits,"
                + " started_at from plugin_runs where org_id = ? and (?::text is null or run_ref = ?)"
                + " order by started_at desc, plugin_id limit ?")
        .params(org, runRef, runRef, limit)
        .query(
            (rs, n) ->
                new RunRecord(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getLong(7),
                    json.readTree(rs.getString(8)),
                    json.readTree(rs.getString(9)),
                    json.readTree(rs.getString(10)),
                    rs.getLong(11),
                    rs.getTimestamp(12).toInstant()))
        .list();
  }
}
