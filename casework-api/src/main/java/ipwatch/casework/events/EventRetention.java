package ipwatch.casework.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code party_events} bounded: rows older than the retention are deleted at start and then hourly, on any
 * instance (a delete is idempotent). A client resuming with an older Last-Event-ID gets what is still kept.
 */
public final class EventRetention implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
  private final Vertx vertx;
  private final Pool pool;
  private final Duration retention;
  private long timerId = -1;

  public EventRetention(Vertx vertx, Pool pool, Duration retention) {
    this.vertx = vertx;
    this.pool = pool;
    this.retention = retention;
  }

  public EventRetention start() {
    pruneOnce();
    timerId = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> pruneOnce());
    return this;
  }

  /** Deletes what is older than the retention (by the database's clock); answers how many rows went. */
  public Future<Integer> pruneOnce() {
    return pool.preparedQuery("DELETE FROM party_events WHERE created_at < now() - make_interval(secs => $1)")
        .execute(Tuple.of((double) retention.toSeconds()))
        .map(r -> r.rowCount())
        .onFailure(e -> LOG.warn("pruning party_events failed, next try in an hour: {}", e.getMessage()));
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }
}
