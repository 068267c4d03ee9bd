package ipwatch.casework.outbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the outbox bounded: rows of the 'search' and 'kafka' channels delivered longer ago than the retention are
 * deleted at start and then hourly, on any instance (a delete is idempotent). Pending and dead rows stay (they are the
 * relay's work and its record of failures), and so do 'webhook' rows, which {@code webhook_deliveries} refer to.
 * Ingestion writes a 'search' row per case opened or re-scored, so without this the table grows with the cases.
 */
public final class OutboxRetention implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);
  private final Vertx vertx;
  private final Pool pool;
  private final Duration retention;
  private long timerId = -1;

  public OutboxRetention(Vertx vertx, Pool pool, Duration retention) {
    this.vertx = vertx;
    this.pool = pool;
    this.retention = retention;
  }

  public OutboxRetention start() {
    pruneOnce();
    timerId = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> pruneOnce());
    return this;
  }

  /** Deletes the delivered rows older than the retention (by the database's clock); answers how many went. */
  public Future<Integer> pruneOnce() {
    return pool.preparedQuery("DELETE FROM outbox WHERE channel IN ('search', 'kafka')"
            + " AND published_at < now() - make_interval(secs => $1)")
        .execute(Tuple.of((double) retention.toSeconds()))
        .map(r -> r.rowCount())
        .onFailure(e -> LOG.warn("pruning the outbox failed, next try in an hour: {}", e.getMessage()));
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }
}
