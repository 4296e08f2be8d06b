package dev.kiln.platform.events;

import dev.kiln.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generation event streams: appending (stored and put on the outbox for {@value #TOPIC} in one
 * transaction) and reading back. Every method works in the given org's scope, so row level security
 * hides other tenants' streams; called inside a transaction already scoped to another org, it
 * refuses.
 */
@Component
public class GenerationEvents {

  /** The Kafka topic every appended event is published on, keyed by generation id. */
  public static final String TOPIC = "kiln.events";

  /** The record header carrying the event's org id. */
  public static final String ORG_HEADER = "kiln-org-id";

  /** The largest {@code data} of one event, as JSON. */
  public static final int MAX_DATA_BYTES = 256 * 1024;

  /** The most events one read returns. */
  public static final int MAX_LIMIT = 1000;

  /** A position in a project's events, which are ordered by (at, generationId, seq). */
  public record ProjectCursor(Instant at, UUID generationId, long seq) {

    private static final UUID BEFORE_ALL = new UUID(0, 0);

    /** Just before every event appended at or after {@code since}. */
    public static ProjectCursor since(Instant since) {
      return new ProjectCursor(since, BEFORE_ALL, 0);
    }

    /** Just after {@code event}. */
    public static ProjectCursor after(Event event) {
      return new ProjectCursor(event.at(), event.generationId(), event.seq());
    }
  }

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String COLUMNS =
      "seq, generation_id, project_id, type, stage, at, data::text";

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final JsonMapper json;
  private final Clock clock;

  GenerationEvents(JdbcClient jdbc, Outbox outbox, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Appends an event to the generation's stream, in its own transaction or the caller's, with the
   * next seq (race-free: appenders of one generation wait for each other's commit, and a
   * rolled-back append gives its seq back). The event reaches {@value #TOPIC} only if the
   * transaction commits.
   *
   * @param type one of {@link EventType}, by {@link EventType#id()}
   * @param stage may be null
   * @param data may be null (stored as empty); must serialize to JSON
   * @return the stored event; never null
   * @throws EventProblems.UnknownEventType for a type outside {@link EventType}
   * @throws EventProblems.StreamMismatch when the generation belongs to another project or org
   */
  @Transactional
  public Event append(
      UUID org,
      UUID projectId,
      UUID generationId,
      String type,
      String stage,
      Map<String, Object> data) {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(generationId, "generationId");
    EventType.fromId(type);
    String dataJson = json.writeValueAsString(data == null ? Map.of() : data);
    int bytes = dataJson.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_DATA_BYTES) {
      throw new EventProblems.EventTooLarge(bytes, MAX_DATA_BYTES);
    }
    enter(org);
    long seq = nextSeq(org, projectId, generationId);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            "insert into generation_events (generation_id, seq, org_id, project_id, type, stage, at,"
                + " data) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")
        .params(generationId, seq, org, projectId, type, stage, utc(at), dataJson)
        .update();
    Event event = new Event(seq, generationId, projectId, type, stage, at, parse(dataJson));
    outbox.enqueue(
        TOPIC,
        generationId.toString(),
        json.writeValueAsString(event),
        Map.of(ORG_HEADER, org.toString()));
    return event;
  }

  /**
   * The project's most recently appended-to event stream (its latest generation's), for events that
   * belong to the project rather than to one run, such as a preview started from the studio.
   */
  @Transactional(readOnly = true)
  public Optional<UUID> latestStream(UUID org, UUID projectId) {
    enter(org);
    return jdbc.sql(
            "select generation_id from generation_streams where org_id = ? and project_id = ?"
                + " order by updated_at desc limit 1")
        .params(org, projectId)
        .query(UUID.class)
        .optional();
  }

  /**
   * The generation's events with a seq above {@code afterSeq}, oldest first, at most {@code limit}
   * (capped at {@value #MAX_LIMIT}); empty for a generation of another org.
   */
  @Transactional(readOnly = true)
  public List<Event> after(UUID org, UUID generationId, long afterSeq, int limit) {
    enter(org);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from generation_events where generation_id = ? and seq > ? order by seq limit ?")
        .params(generationId, afterSeq, clamp(limit))
        .query(this::event)
        .list();
  }

  /**
   * The project's events after {@code cursor} in (at, generationId, seq) order, at most {@code
   * limit} (capped at {@value #MAX_LIMIT}). Start with {@link ProjectCursor#since(Instant)}, go on
   * with {@link ProjectCursor#after(Event)} of the last event returned.
   */
  @Transactional(readOnly = true)
  public List<Event> afterForProject(UUID org, UUID projectId, ProjectCursor cursor, int limit) {
    enter(org);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from generation_events where project_id = ? and (at, generation_id, seq) > (?, ?, ?)"
                + " order by at, generation_id, seq limit ?")
        .params(projectId, utc(cursor.at()), cursor.generationId(), cursor.seq(), clamp(limit))
        .query(this::event)
        .list();
  }

  private long nextSeq(UUID org, UUID projectId, UUID generationId) {
    try {
      return jdbc.sql(
              "insert into generation_streams (generation_id, org_id, project_id, last_seq)"
                  + " values (?, ?, ?, 1) on conflict (generation_id) do update"
                  + " set last_seq = generation_streams.last_seq + 1, updated_at = now()"
                  + " where generation_streams.project_id = excluded.project_id"
                  + " returning last_seq")
          .params(generationId, org, projectId)
          .query(Long.class)
          .optional()
          .orElseThrow(() -> new EventProblems.StreamMismatch(generationId));
    } catch (DataAccessException e) {
      if (e.getCause() instanceof SQLException sql
          && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
        throw new EventProblems.StreamMismatch(generationId);
      }
      throw e;
    }
  }

  /**
   * Scopes the current transaction to {@code org}; refuses a transaction scoped to another org, so
   * an event can never be filed under a tenant the caller is not working for.
   */
  private void enter(UUID org) {
    String current =
        jdbc.sql("select coalesce(current_setting('kiln.org_id', true), '')")
            .query(String.class)
            .single();
    if (!current.isEmpty() && !current.equals(org.toString())) {
      throw new IllegalStateException(
          "This transaction works for org " + current + ", not for org " + org);
    }
    jdbc.sql("select set_config('kiln.org_id', ?, true)")
        .param(org.toString())
        .query()
        .listOfRows();
  }

  private Event event(ResultSet rs, int row) throws SQLException {
    return new Event(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getString(5),
        rs.getTimestamp(6).toInstant(),
        parse(rs.getString(7)));
  }

  private Map<String, Object> parse(String dataJson) {
    return Collections.unmodifiableMap(json.readValue(dataJson, MAP));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static int clamp(int limit) {
    return Math.max(1, Math.min(limit, MAX_LIMIT));
  }
}
