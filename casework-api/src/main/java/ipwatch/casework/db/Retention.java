package ipwatch.casework.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a log-like table bounded: deletes its rows older than the retention (by the database's clock) at start and then
 * hourly, on any instance (a delete is idempotent). A failed round is logged and tried again the next hour.
 */
public final class Retention implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private final Vertx vertx;
  private final Pool pool;
  private final String what;
  private final String deleteOlderThan;
  private final Duration retention;
  private long timerId = -1;

  private Retention(Vertx vertx, Pool pool, String what, String deleteOlderThan, Duration retention) {
    this.vertx = vertx;
    this.pool = pool;
    this.what = what;
    this.deleteOlderThan = deleteOlderThan;
    this.retention = retention;
  }

  /**
   * {@code party_events}, the log of {@code GET /api/events}: a client resuming with an older Last-Event-ID gets what
   * is still kept.
   */
  public static Retention partyEvents(Vertx vertx, Pool pool, Duration retention) {
    return new Retention(vertx, pool, "party_events",
        "DELETE FROM party_events WHERE created_at < now() - make_interval(secs => $1)", retention);
  }

  /**
   * Delivered rows of the outbox's 'search' and 'kafka' channels. Pending and dead rows stay (the relay's work and its
   * record of failures), and so do 'webhook' rows, which {@code webhook_deliveries} refer to. Ingestion writes a
   * 'search' row per case opened or re-scored, so without this the outbox grows with the cases.
   */
  public static Retention deliveredOutbox(Vertx vertx, Pool pool, Duration retention) {
    return new Retention(vertx, pool, "the delivered outbox rows", "DELETE FROM outbox"
        + " WHERE channel IN ('search', 'kafka') AND published_at < now() - make_interval(secs => $1)", retention);
  }

  public Retention start() {
    pruneOnce();
    timerId = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> pruneOnce());
    return this;
  }

  /** Deletes what is older than the retention; answers how many rows went. */
  public Future<Integer> pruneOnce() {
    return pool.preparedQuery(deleteOlderThan)
        .execute(Tuple.of((double) retention.toSeconds()))
        .map(r -> r.rowCount())
        .onFailure(e -> LOG.warn("pruning {} failed, next try in an hour: {}", what, e.getMessage()));
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }
}
