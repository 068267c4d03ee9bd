package ipwatch.casework.testing;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.db.Database;
import ipwatch.casework.db.Migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (zonky embedded binaries, ~3.5 s to start), and a fresh database per test class
 * so classes cannot see each other's rows.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
    }
    return server;
  }

  /** A new, empty database on the shared server. */
  public static TestDatabase freshDatabase() {
    String name = "casework_test_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new TestDatabase("127.0.0.1", server().getPort(), name, "postgres", "postgres");
  }

  /** A pool on a new database with every schema migration applied: what the database ITs start from. */
  public static Pool migratedPool(Vertx vertx) {
    Pool pool = freshDatabase().pool(vertx);
    Await.result(Migrations.migrate(pool));
    return pool;
  }

  public record TestDatabase(String host, int port, String name, String user, String password) {
    public CaseworkSettings.Postgres settings() {
      return new CaseworkSettings.Postgres(host, port, name, user, password, 4, Duration.ofSeconds(10));
    }

    public Pool pool(Vertx vertx) {
      return Database.pool(vertx, settings());
    }

    /** Config overrides pointing casework-api at this database. */
    public Map<String, String> overrides() {
      return Map.of(
          "postgres.host", host,
          "postgres.port", String.valueOf(port),
          "postgres.database", name,
          "postgres.user", user,
          "postgres.password", password);
    }
  }
}
