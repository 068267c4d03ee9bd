package ipwatch.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

  @TempDir Path dir;

  @Test
  void rowWrittenBeforeARestartIsStillThereAfterIt() throws Exception {
    long t = System.nanoTime();
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, 0)) {
      System.out.printf("Postgres first start (initdb): %d ms%n", (System.nanoTime() - t) / 1_000_000);
      assertEquals("ipwatch", pg.database());
      try (Connection c = connect(pg); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE cases (id text PRIMARY KEY, state text NOT NULL)");
        s.execute("INSERT INTO cases VALUES ('case-1', 'DETECTED')");
      }
    }
    long t2 = System.nanoTime();
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, 0)) {
      System.out.printf("Postgres restart: %d ms%n", (System.nanoTime() - t2) / 1_000_000);
      try (Connection c = connect(pg); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT state FROM cases WHERE id = 'case-1'")) {
        assertTrue(rs.next());
        assertEquals("DETECTED", rs.getString(1));
      }
    }
  }

  @Test
  void connectionDetailsPointAtTheIpwatchDatabase() throws Exception {
    int port = Ports.free();
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, port)) {
      assertEquals(port, pg.port());
      assertTrue(pg.jdbcUrl().startsWith("jdbc:postgresql://" + pg.host() + ":" + port + "/ipwatch"), pg.jdbcUrl());
      String url = "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database();
      try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
          ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
        assertTrue(rs.next());
        assertEquals("ipwatch", rs.getString(1));
      }
    }
  }

  @Test
  void serverLeftRunningByAKilledJvmIsStoppedBeforeStart() throws Exception {
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        // zonky's start-up output
      }
      assertEquals("READY", line, "the other JVM started PostgreSQL");
    }
    jvm.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, the postmaster stays
    assertTrue(Files.exists(dir.resolve("postmaster.pid")));

    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, 0);
        Connection c = connect(pg); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
      assertTrue(rs.next());
    }
  }

  /** Run in a separate JVM: starts PostgreSQL on the given directory and waits to be killed. */
  public static final class OrphanMaker {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private static Connection connect(EmbeddedPostgresServer pg) throws Exception {
    return DriverManager.getConnection(pg.jdbcUrl());
  }
}
