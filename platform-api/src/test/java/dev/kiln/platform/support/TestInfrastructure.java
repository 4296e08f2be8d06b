package dev.kiln.platform.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real PostgreSQL and one KRaft broker per test JVM, started on first use. Each test class gets
 * a database of its own.
 */
public final class TestInfrastructure {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static EmbeddedKafkaKraftBroker kafka;

  private TestInfrastructure() {}

  /** A new, empty database; returns its JDBC URL (user {@code postgres}, no password). */
  public static synchronized String newDatabase() {
    String name = "kiln_test_" + DATABASES.incrementAndGet();
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return postgres().getJdbcUrl("postgres", name);
  }

  public static synchronized String kafkaBootstrapServers() {
    if (kafka == null) {
      kafka = new EmbeddedKafkaKraftBroker(1, 1);
      kafka.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
    }
    return kafka.getBrokersAsString();
  }

  private static EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the test PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting anyway
                    }
                  }));
    }
    return postgres;
  }
}
