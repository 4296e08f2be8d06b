package dev.kiln.sandbox.worker;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exactly-once execution per job id over at-least-once delivery: a job is claimed with a lease
 * before it runs and its result kept after, so a redelivery finds it running (and is dropped) or
 * done (and its result is sent again). A lease that ran out (a worker died) can be claimed anew.
 */
final class JobClaims {

  /** What a delivery should do. */
  sealed interface Claim {
    record Run() implements Claim {}

    record AlreadyDone(String result) implements Claim {}

    record RunningElsewhere() implements Claim {}
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  JobClaims(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Claim claim(String jobId, String tenant, Duration lease) {
    Timestamp now = Timestamp.from(clock.instant());
    Timestamp until = Timestamp.from(clock.instant().plus(lease));
    int claimed =
        jdbc.sql(
                "insert into sandbox_jobs (job_id, tenant, status, claimed_until) values (?, ?, 'running', ?)"
                    + " on conflict (job_id) do update set claimed_until = excluded.claimed_until,"
                    + " started_at = now() where sandbox_jobs.status = 'running'"
                    + " and sandbox_jobs.claimed_until < ?")
            .params(jobId, tenant, until, now)
            .update();
    if (claimed == 1) {
      return new Claim.Run();
    }
    Optional<String> done =
        jdbc.sql("select result from sandbox_jobs where job_id = ? and status = 'done'")
            .param(jobId)
            .query(String.class)
            .optional();
    return done.<Claim>map(Claim.AlreadyDone::new).orElse(new Claim.RunningElsewhere());
  }

  void complete(String jobId, String result) {
    jdbc.sql(
            "update sandbox_jobs set status = 'done', result = ?, finished_at = now() where job_id = ?")
        .params(result, jobId)
        .update();
  }
}
