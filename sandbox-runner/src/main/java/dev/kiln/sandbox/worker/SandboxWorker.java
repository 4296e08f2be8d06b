package dev.kiln.sandbox.worker;

import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxBackend;
import dev.kiln.sandbox.SandboxFailure;
import dev.kiln.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes sandbox jobs, runs each job id at most once at a time and answers every delivery: with a
 * fresh result, the stored result (already done), or nothing (running elsewhere). A job that cannot
 * be read is a poison job: it goes to the dead-letter topic and the partition moves on.
 */
public class SandboxWorker {

  private static final Logger log = LoggerFactory.getLogger(SandboxWorker.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Duration DEFAULT_WALL = Duration.ofMinutes(10);
  private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);
  private static final long SEND_TIMEOUT_SECONDS = 10;

  /** A job that can never be run; not retried. */
  public static final class PoisonJob extends RuntimeException {
    PoisonJob(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final SandboxBackend backend;
  private final String image;
  private final JobClaims claims;
  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper json;

  /** {@code backend} may be null: every job is then answered with an infrastructure error. */
  public SandboxWorker(
      SandboxBackend backend,
      String image,
      JdbcClient jdbc,
      Clock clock,
      KafkaTemplate<String, String> kafka,
      JsonMapper json) {
    this.backend = backend;
    this.image = image;
    this.claims = new JobClaims(jdbc, clock);
    this.kafka = kafka;
    this.json = json;
  }

  @KafkaListener(topics = SandboxJobs.REQUESTED, groupId = "kiln-sandbox")
  public void onJob(ConsumerRecord<String, String> record) {
    SandboxJobs.Job job = parse(record.value());
    Duration wall = wallTime(job);
    switch (claims.claim(job.jobId(), job.tenant(), wall.plus(LEASE_MARGIN))) {
      case JobClaims.Claim.Run run -> {
        String result = json.writeValueAsString(run(job, wall));
        claims.complete(job.jobId(), result);
        send(SandboxJobs.COMPLETED, job.jobId(), result);
      }
      case JobClaims.Claim.AlreadyDone done ->
          send(SandboxJobs.COMPLETED, job.jobId(), done.result());
      case JobClaims.Claim.RunningElsewhere elsewhere ->
          log.info("Sandbox job {} is already running; this delivery is dropped", job.jobId());
    }
  }

  SandboxJobs.Result run(SandboxJobs.Job job, Duration wall) {
    AtomicLong seq = new AtomicLong();
    List<SandboxJobs.Step> steps = new ArrayList<>();
    Map<String, String> artifacts = new LinkedHashMap<>();
    if (backend == null) {
      return new SandboxJobs.Result(
          job.jobId(), "error", steps, artifacts, "no sandbox backend can run on this host");
    }
    SandboxSpec spec =
        new SandboxSpec(
            image,
            SandboxSpec.Limits.defaults().withWallTime(wall),
            "REGISTRY_ONLY".equals(job.network())
                ? SandboxSpec.NetworkPolicy.REGISTRY_ONLY
                : SandboxSpec.NetworkPolicy.NONE,
            job.tenant());
    String status = "succeeded";
    try (Sandbox sandbox = backend.open(spec)) {
      Map<String, byte[]> files = new LinkedHashMap<>();
      job.files().forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
      sandbox.upload(files);
      for (int i = 0; i < job.commands().size(); i++) {
        int step = i;
        List<String> command = job.commands().get(i);
        progress(job, seq, "step_started", step, String.join(" ", command));
        ExecResult r =
            sandbox.exec(command, line -> progress(job, seq, "output", step, line.text()));
        steps.add(
            new SandboxJobs.Step(
                command,
                r.exitCode(),
                r.timedOut(),
                r.outOfMemory(),
                r.outputTruncated(),
                r.duration().toMillis()));
        progress(job, seq, "step_finished", step, "exit " + r.exitCode());
        if (!r.succeeded()) {
          status = "failed";
          break;
        }
      }
      if (status.equals("succeeded")) {
        for (String path : job.artifacts()) {
          sandbox
              .readFile(path)
              .ifPresent(b -> artifacts.put(path, Base64.getEncoder().encodeToString(b)));
        }
      }
    } catch (SandboxFailure e) {
      log.warn("Sandbox job {} failed on infrastructure: {}", job.jobId(), e.getMessage());
      return new SandboxJobs.Result(job.jobId(), "error", steps, artifacts, e.getMessage());
    }
    return new SandboxJobs.Result(job.jobId(), status, steps, artifacts, null);
  }

  private SandboxJobs.Job parse(String value) {
    SandboxJobs.Job job;
    try {
      job = json.readValue(value, SandboxJobs.Job.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new PoisonJob("Unreadable sandbox job: " + e.getMessage(), e);
    }
    if (job == null
        || job.jobId() == null
        || !ID.matcher(job.jobId()).matches()
        || job.tenant() == null
        || job.tenant().isBlank()
        || job.commands() == null
        || job.commands().isEmpty()
        || job.commands().stream().anyMatch(c -> c == null || c.isEmpty())) {
      throw new PoisonJob("A sandbox job needs a jobId, a tenant and at least one command", null);
    }
    return new SandboxJobs.Job(
        job.jobId(),
        job.tenant(),
        job.network(),
        job.wallTimeSeconds(),
        job.files() == null ? Map.of() : job.files(),
        job.commands(),
        job.artifacts() == null ? List.of() : job.artifacts());
  }

  private static Duration wallTime(SandboxJobs.Job job) {
    return job.wallTimeSeconds() == null || job.wallTimeSeconds() <= 0
        ? DEFAULT_WALL
        : Duration.ofSeconds(Math.min(job.wallTimeSeconds(), DEFAULT_WALL.toSeconds()));
  }

  private void progress(SandboxJobs.Job job, AtomicLong seq, String type, int step, String text) {
    kafka.send(
        SandboxJobs.PROGRESS,
        job.jobId(),
        json.writeValueAsString(
            new SandboxJobs.Progress(job.jobId(), seq.incrementAndGet(), type, step, text)));
  }

  private void send(String topic, String key, String value) {
    try {
      kafka.send(topic, key, value).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish to " + topic, e);
    }
  }
}
