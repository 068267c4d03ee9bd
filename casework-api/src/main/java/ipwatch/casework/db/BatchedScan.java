package ipwatch.casework.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic scan of due rows in batches, shared by the deadline scanner and the deadline warnings: each batch is one
 * transaction (its query should lock with {@code FOR UPDATE SKIP LOCKED}, so several instances scan together without
 * doing a row twice), and a full batch is followed at once by the next. A failed round is logged and retried at the
 * next interval.
 */
public final class BatchedScan implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchedScan.class);

  /** One batch: handles at most {@code limit} due rows on {@code conn} and answers how many it took. */
  @FunctionalInterface
  public interface Batch {
    Future<Integer> run(SqlConnection conn, OffsetDateTime now, int limit);
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final String name;
  private final int limit;
  private final Batch batch;
  private long timerId = -1;

  public BatchedScan(Vertx vertx, Pool pool, Clock clock, String name, int limit, Batch batch) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.name = name;
    this.limit = limit;
    this.batch = batch;
  }

  public void start(Duration interval) {
    timerId = vertx.setPeriodic(interval.toMillis(), id -> scanOnce()
        .onFailure(e -> LOG.warn("{} failed, retrying next round: {}", name, e.getMessage())));
  }

  /** Runs batches until one is not full; answers how many rows they took. */
  public Future<Integer> scanOnce() {
    return pool.withTransaction(conn -> batch.run(conn, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            limit))
        .compose(n -> n == limit ? scanOnce().map(m -> n + m) : Future.succeededFuture(n));
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }
}
