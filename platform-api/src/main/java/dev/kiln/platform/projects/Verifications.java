package dev.kiln.platform.projects;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the verified build found for a version: whether it passed, the step that failed with its
 * errors, the smoke test's report and a screenshot of each page. Only a verified version may be
 * exported. Callers are in the org's tenant scope.
 */
@Component
public class Verifications {

  /**
   * A version's verification.
   *
   * @param step the last step that ran: {@code typecheck}, {@code build} or {@code smoke}
   * @param errors what failed, for a user or an auto-fix; empty when verified
   * @param report the smoke test's report ({@code pages} with {@code path}, {@code status}, {@code
   *     ok}, {@code problems}); null when the smoke test did not run
   * @param screenshots the ordinals of the stored screenshots, in page order
   */
  public record Verification(
      String version,
      UUID generationId,
      boolean verified,
      String step,
      List<String> errors,
      JsonNode report,
      Instant checkedAt,
      List<Integer> screenshots) {}

  /** One page's screenshot: its 1-based place among the manifest's routes. */
  public record Screenshot(int ordinal, String route, byte[] png) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Verifications(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records (or replaces) the verification of {@code version}. */
  @Transactional
  public void record(
      UUID org,
      UUID project,
      String version,
      UUID generation,
      boolean verified,
      String step,
      List<String> errors,
      String report,
      List<Screenshot> screenshots) {
    jdbc.sql("delete from version_checks where project_id = ? and version = ?")
        .params(project, version)
        .update();
    jdbc.sql(
            "insert into version_checks (org_id, project_id, version, generation_id, verified,"
                + " step, errors, report) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")
        .params(
            org,
            project,
            version,
            generation,
            verified,
            step,
            json.writeValueAsString(errors),
            report)
        .update();
    for (Screenshot shot : screenshots) {
      jdbc.sql(
              "insert into version_screenshots (org_id, project_id, version, ordinal, route, png)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(org, project, version, shot.ordinal(), shot.route(), shot.png())
          .update();
    }
  }

  @Transactional(readOnly = true)
  public Optional<Verification> find(UUID project, String version) {
    List<Integer> shots =
        jdbc.sql(
                "select ordinal from version_screenshots where project_id = ? and version = ?"
                    + " order by ordinal")
            .params(project, version)
            .query(Integer.class)
            .list();
    return jdbc.sql(
            "select version, generation_id, verified, step, errors::text, report::text,"
                + " checked_at from version_checks where project_id = ? and version = ?")
        .params(project, version)
        .query(
            (rs, n) ->
                new Verification(
                    rs.getString(1),
                    rs.getObject(2, UUID.class),
                    rs.getBoolean(3),
                    rs.getString(4),
                    List.of(json.readValue(rs.getString(5), String[].class)),
                    rs.getString(6) == null ? null : json.readTree(rs.getString(6)),
                    rs.getTimestamp(7).toInstant(),
                    shots))
        .optional();
  }

  /** Whether {@code version} passed its verified build: what an export requires. */
  @Transactional(readOnly = true)
  public boolean verified(UUID project, String version) {
    return find(project, version).map(Verification::verified).orElse(false);
  }

  /**
   * Gives {@code to} the verification of {@code from}, screenshots included: a restored version has
   * the same files, so the same build result. Nothing happens when {@code from} has none.
   */
  @Transactional
  public void copy(UUID project, String from, String to) {
    jdbc.sql(
            "insert into version_checks (org_id, project_id, version, generation_id, verified,"
                + " step, errors, report, checked_at) select org_id, project_id, ?, generation_id,"
                + " verified, step, errors, report, checked_at from version_checks"
                + " where project_id = ? and version = ? on conflict do nothing")
        .params(to, project, from)
        .update();
    jdbc.sql(
            "insert into version_screenshots (org_id, project_id, version, ordinal, route, png)"
                + " select org_id, project_id, ?, ordinal, route, png from version_screenshots"
                + " where project_id = ? and version = ? on conflict do nothing")
        .params(to, project, from)
        .update();
  }

  /** A screenshot's PNG bytes. */
  @Transactional(readOnly = true)
  public Optional<byte[]> screenshot(UUID project, String version, int ordinal) {
    return jdbc.sql(
            "select png from version_screenshots where project_id = ? and version = ?"
                + " and ordinal = ?")
        .params(project, version, ordinal)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  /** Whether each checked version of a project was verified, by version. */
  @Transactional(readOnly = true)
  public Map<String, Boolean> checked(UUID project) {
    return jdbc
        .sql("select version, verified from version_checks where project_id = ?")
        .params(project)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
