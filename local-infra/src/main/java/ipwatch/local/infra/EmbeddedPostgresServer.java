package ipwatch.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL 14 from the zonky binaries on the class path, with its cluster in a persistent data directory so cases
 * survive a restart of the local stack. zonky's binaries also start when this JVM runs as root.
 *
 * <p>Authentication is {@code trust} on loopback (zonky runs initdb with -A trust): any password is accepted, and
 * {@link #password()} returns a placeholder only for clients and config validation that insist on one. This is a
 * developer database; the deployment configures real credentials from the environment.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final String DATABASE = "ipwatch";
  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private boolean closed;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code dataDir} (initialising it if new) and makes sure the {@code ipwatch} database exists.
   *
   * @param port the port; 0 picks a free one
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port) {
    if (port != 0) {
      Ports.requireFree(port, "Postgres");
    }
    Path dir = dataDir.toAbsolutePath().normalize();
    EmbeddedPostgres pg;
    try {
      Files.createDirectories(dir);
      OrphanedPostmaster.stopIfRunning(dir);
      pg = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(port == 0 ? Ports.free() : port)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start with data in " + dir + ": " + e.getMessage(), e);
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg);
    try {
      server.createDatabaseIfMissing();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      // CREATE DATABASE takes no parameters and cannot run in a transaction; the name is a constant.
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  /** The host name zonky's JDBC URLs use; the server listens on loopback only. */
  public String host() {
    return "localhost";
  }

  public int port() {
    return postgres.getPort();
  }

  public String database() {
    return DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /** Such as jdbc:postgresql://localhost:15432/ipwatch?user=postgres. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, DATABASE);
  }

  /** Stops PostgreSQL (pg_ctl stop -m fast) and waits for it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
    }
  }
}
