package ipwatch.casework.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the class-path scripts listed in {@code db/migrations.txt} that {@code schema_version} does not record yet.
 * Everything runs in one transaction under an advisory lock, so two instances starting together apply each script
 * once, and a failing script leaves the schema as it was.
 */
public final class Migrations {
  private static final String INDEX = "db/migrations.txt";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
  /** Any constant shared by all instances; it only serialises migrations against each other. */
  private static final long LOCK_KEY = 0x1F3A_CA5E_0001L;

  public record Script(int version, String name, String sql) {}

  private Migrations() {}

  /** Applies what is missing and answers the versions applied by this call (empty when already up to date). */
  public static Future<List<Integer>> migrate(Pool pool) {
    List<Script> scripts = load();
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
        .execute(Tuple.of(LOCK_KEY))
        // "already exists, skipping" notices are expected on every start after the first
        .compose(v -> conn.query("SET LOCAL client_min_messages = warning").execute())
        .compose(v -> conn.query("CREATE TABLE IF NOT EXISTS schema_version ("
            + "version int PRIMARY KEY, script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
            .execute())
        .compose(v -> conn.query("SELECT version FROM schema_version").execute())
        .compose(rows -> {
          Set<Integer> applied = new HashSet<>();
          for (Row r : rows) {
            applied.add(r.getInteger(0));
          }
          return applyMissing(conn, scripts, applied);
        }));
  }

  private static Future<List<Integer>> applyMissing(SqlConnection conn, List<Script> scripts, Set<Integer> applied) {
    List<Integer> done = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Script s : scripts) {
      if (applied.contains(s.version())) {
        continue;
      }
      chain = chain
          .compose(v -> conn.query(s.sql()).execute())
          .recover(e -> Future.failedFuture(new IllegalStateException(
              "schema migration " + s.name() + " failed: " + e.getMessage(), e)))
          .compose(v -> conn.preparedQuery("INSERT INTO schema_version (version, script) VALUES ($1, $2)")
              .execute(Tuple.of(s.version(), s.name())))
          .map(v -> {
            done.add(s.version());
            return null;
          });
    }
    return chain.map(v -> List.copyOf(done));
  }

  /** The scripts in index order; the index must list versions 1, 2, 3 ... without gaps. */
  public static List<Script> load() {
    List<Script> out = new ArrayList<>();
    for (String line : resource(INDEX).split("\n")) {
      String name = line.trim();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException(INDEX + " lists '" + name + "', which is not named V<n>__<words>.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (version != out.size() + 1) {
        throw new IllegalStateException(INDEX + " lists " + name + " where version " + (out.size() + 1)
            + " was expected");
      }
      out.add(new Script(version, name, resource("db/" + name)));
    }
    return List.copyOf(out);
  }

  private static String resource(String path) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("class-path resource " + path + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
