package ipwatch.casework.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import ipwatch.casework.CaseworkSettings;
import java.time.Duration;

/** The PostgreSQL pool, built from settings, and a readiness probe. */
public final class Database {
  private Database() {}

  public static Pool pool(Vertx vertx, CaseworkSettings.Postgres pg) {
    PoolOptions pool = new PoolOptions()
        .setMaxSize(pg.poolSize())
        .setName("casework-pg")
        .setConnectionTimeout(10)
        .setMaxWaitQueueSize(1_000);
    return PgBuilder.pool()
        .with(pool)
        .with(new NetClientOptions().setConnectTimeout(5_000))
        .connectingTo(connectOptions(pg))
        .using(vertx)
        .build();
  }

  /** Where and as whom to connect: the pool's connections and the event listener's own (LISTEN needs one). */
  public static PgConnectOptions connectOptions(CaseworkSettings.Postgres pg) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(pg.host())
        .setPort(pg.port())
        .setDatabase(pg.database())
        .setUser(pg.user())
        .setPassword(pg.password())
        .setReconnectAttempts(0)
        // every query is a preparedQuery with a fixed text per role and filter set: named statements kept per
        // connection spare PostgreSQL the parse and plan of each request (an LRU bounds the handful of variants)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(256);
    connect.addProperty("application_name", "ipwatch-casework-api");
    return connect;
  }

  public static Future<Void> ping(Pool pool) {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  /**
   * Retries the first connection until {@code timeout}: in a compose file the database may come up a little after us.
   * Wrong credentials or a missing database also end here, with the server's own message.
   */
  public static Future<Void> awaitReachable(Vertx vertx, Pool pool, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return attempt(vertx, pool, deadline);
  }

  private static Future<Void> attempt(Vertx vertx, Pool pool, long deadline) {
    return ping(pool).recover(e -> {
      if (System.nanoTime() > deadline || isPermanent(e)) {
        return Future.failedFuture(e);
      }
      return vertx.timer(500).compose(t -> attempt(vertx, pool, deadline));
    });
  }

  /** Authentication and unknown-database errors will not fix themselves by waiting. */
  private static boolean isPermanent(Throwable e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("password authentication failed") || m.contains("does not exist");
  }
}
