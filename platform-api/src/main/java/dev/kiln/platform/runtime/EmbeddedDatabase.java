package dev.kiln.platform.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from jars, its data kept under {@code KILN_HOME/postgres} across
 * restarts. Closing it stops the server.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "kiln";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final long ORPHAN_STOP_SECONDS = 30;
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  static EmbeddedDatabase start(Path home) {
    Path data = home.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(data.getParent());
      stopOrphanedServer(data);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "100")
              // The library starts PostgreSQL tuned for throwaway test data (-F,
              // synchronous_commit=off); Kiln's data must survive a crash, so durability is back
              // on.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, data);
      database.createDatabaseIfMissing();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL in " + data, e);
    }
  }

  /**
   * A Kiln killed hard leaves its PostgreSQL running on the data directory; stop it (a fast
   * shutdown, as on SIGINT) so this start can take the directory over.
   */
  private static void stopOrphanedServer(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
    if (!firstLine.matches("\\d+")) {
      return;
    }
    ProcessHandle.of(Long.parseLong(firstLine))
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .ifPresent(
            orphan -> {
              log.warn("Stopping PostgreSQL {} left running on {}", orphan.pid(), data);
              orphan.destroy();
              orphan.onExit().orTimeout(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS).join();
            });
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (!rs.next()) {
        s.execute("create database " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the kiln database", e);
    }
  }

  DatabaseEndpoint endpoint() {
    return new DatabaseEndpoint(
        postgres.getJdbcUrl(SUPERUSER, DATABASE),
        SUPERUSER,
        null,
        "embedded PostgreSQL (" + dataDirectory + ", port " + postgres.getPort() + ")");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
