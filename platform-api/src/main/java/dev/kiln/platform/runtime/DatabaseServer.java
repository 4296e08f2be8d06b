package dev.kiln.platform.runtime;

import java.io.IOException;

/** The database Kiln talks to: an external one from configuration, or the embedded one it owns. */
final class DatabaseServer implements AutoCloseable {

  private final EmbeddedDatabase embedded;
  private final DatabaseEndpoint endpoint;

  private DatabaseServer(EmbeddedDatabase embedded, DatabaseEndpoint endpoint) {
    this.embedded = embedded;
    this.endpoint = endpoint;
  }

  static DatabaseServer choose(RuntimeSettings settings) {
    RuntimeSettings.Database db = settings.database();
    if (db.embedded()) {
      EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.home());
      return new DatabaseServer(embedded, embedded.endpoint());
    }
    return new DatabaseServer(
        null,
        new DatabaseEndpoint(
            db.url(), db.user(), db.password(), "external PostgreSQL (" + db.url() + ")"));
  }

  DatabaseEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
