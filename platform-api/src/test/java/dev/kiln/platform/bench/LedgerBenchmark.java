package dev.kiln.platform.bench;

import dev.kiln.billing.ledger.CreditLedger;
import dev.kiln.billing.ledger.TransferKind;
import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.support.TestInfrastructure;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ledger throughput on the real PostgreSQL: transfers per second into one hot org (every movement
 * of an org is serialized) and spread over 100 independent orgs. Not a test: run with {@code ./kiln
 * bench}; results go into docs/benchmarks.md by hand.
 */
public final class LedgerBenchmark {

  private static final int THREADS = Integer.getInteger("bench.threads", 8);
  private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

  private LedgerBenchmark() {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(KilnApplication.class)
            .run(
                "--server.port=0",
                "--kiln.database.url=" + TestInfrastructure.newDatabase(),
                "--kiln.database.user=postgres",
                "--kiln.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--kiln.home=" + Files.createTempDirectory("kiln-bench"),
                "--spring.datasource.hikari.maximum-pool-size=" + THREADS,
                "--logging.level.root=WARN");
    try {
      CreditLedger ledger = app.getBean(CreditLedger.class);
      List<UUID> hot = List.of(UUID.randomUUID());
      List<UUID> spread = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        spread.add(UUID.randomUUID());
      }
      run(ledger, hot, WARMUP);
      run(ledger, spread, WARMUP);
      double hotRate = run(ledger, hot, MEASURE);
      double spreadRate = run(ledger, spread, MEASURE);
      System.out.printf(
          "%n| orgs | threads | seconds | transfers/s |%n|---|---|---|---|%n"
              + "| 1 (hot) | %d | %d | %.0f |%n| 100 | %d | %d | %.0f |%n",
          THREADS, MEASURE.toSeconds(), hotRate, THREADS, MEASURE.toSeconds(), spreadRate);
    } finally {
      app.close();
      System.exit(0);
    }
  }

  /** Grants of 1 credit, each a ledger transfer with its own idempotency key, for a while. */
  private static double run(CreditLedger ledger, List<UUID> orgs, Duration duration)
      throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t;
      workers.add(
          pool.submit(
              () -> {
                int i = offset;
                while (System.nanoTime() < end) {
                  UUID org = orgs.get(i++ % orgs.size());
                  ledger.grant(
                      org,
                      TransferKind.ADMIN_GRANT,
                      1,
                      "benchmark",
                      null,
                      UUID.randomUUID().toString());
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    pool.shutdown();
    return done.get() / (double) duration.toSeconds();
  }
}
