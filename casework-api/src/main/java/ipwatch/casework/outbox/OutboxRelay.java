package ipwatch.casework.outbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows of one channel after their transaction committed: in id order, one batch per transaction
 * (row by row, or a batch's due rows at once with a {@link BatchDelivery}), one instance at a time per channel (a
 * transaction-scoped advisory lock). A batch stops at its first failure, so a later change of the same key never
 * overtakes an earlier one; the failed row is retried with exponential backoff and jitter and dead-lettered (dead_at,
 * last_error) after {@code maxAttempts}. Delivery is at least once: the consumer
 * side is idempotent (compacted topic keyed by assetId, versioned search documents).
 *
 * <p>{@linkplain #leased Leased} relays are for channels whose consumer does not care about order (the search index
 * takes versioned documents): a round claims its due rows for {@code lease} in one statement, delivers them with no
 * transaction or connection held, and then marks them delivered; a failed row does not hold back the rows after it. A
 * claim whose relay died lapses and the rows are delivered again.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 200;
  private static final long MAX_BACKOFF_MS = 300_000;

  /** Delivers one row; blocking, runs on the relay's own worker thread. */
  public interface Delivery {
    void deliver(String topic, String key, JsonObject payload) throws Exception;
  }

  /** One outbox row as a {@link BatchDelivery} gets it. */
  public record Message(String topic, String key, JsonObject payload) {}

  /**
   * Delivers a batch's due rows at once (one request for all of them, where the target allows it); blocking, on the
   * relay's worker thread. Must be idempotent: when it throws, the relay delivers the same rows again one at a time,
   * so the first row that fails on its own counts the attempt (back-off, dead letter after maxAttempts) and the rows
   * before it are done.
   */
  public interface BatchDelivery {
    void deliver(List<Message> messages) throws Exception;
  }

  private final Vertx vertx;
  private final Pool pool;
  private final String channel;
  private final BatchDelivery delivery;
  private final boolean wholeBatches;
  private final int maxAttempts;
  private final long lockKey;
  private final Duration lease;
  private final WorkerExecutor worker;
  private final AtomicBoolean busy = new AtomicBoolean();
  private long timerId = -1;

  public OutboxRelay(Vertx vertx, Pool pool, String channel, Delivery delivery, int maxAttempts) {
    this(vertx, pool, channel, messages -> {
      for (Message m : messages) {
        delivery.deliver(m.topic(), m.key(), m.payload());
      }
    }, false, maxAttempts, null);
  }

  /** A relay that hands each batch's due rows to {@code delivery} at once. */
  public OutboxRelay(Vertx vertx, Pool pool, String channel, BatchDelivery delivery, int maxAttempts) {
    this(vertx, pool, channel, delivery, true, maxAttempts, null);
  }

  /**
   * A relay for a channel whose rows may be delivered in any order: it claims a round's due rows for {@code lease}
   * (longer than a delivery can take) and holds no transaction while {@code delivery} runs.
   */
  public static OutboxRelay leased(Vertx vertx, Pool pool, String channel, BatchDelivery delivery, int maxAttempts,
      Duration lease) {
    return new OutboxRelay(vertx, pool, channel, delivery, true, maxAttempts, lease);
  }

  private OutboxRelay(Vertx vertx, Pool pool, String channel, BatchDelivery delivery, boolean wholeBatches,
      int maxAttempts, Duration lease) {
    this.vertx = vertx;
    this.pool = pool;
    this.channel = channel;
    this.delivery = delivery;
    this.wholeBatches = wholeBatches;
    this.maxAttempts = maxAttempts;
    this.lockKey = 0x1F3A_0B0C_0000L + channel.hashCode();
    this.lease = lease;
    this.worker = vertx.createSharedWorkerExecutor("casework-outbox-" + channel, 1);
  }

  public OutboxRelay start(Duration interval) {
    timerId = vertx.setPeriodic(interval.toMillis(), id -> {
      if (busy.compareAndSet(false, true)) {
        relayOnce().onComplete(r -> {
          busy.set(false);
          if (r.failed()) {
            LOG.warn("outbox {} relay round failed: {}", channel, r.cause().getMessage());
          }
        });
      }
    });
    return this;
  }

  /** One batch; answers how many rows were delivered. */
  public Future<Integer> relayOnce() {
    return lease != null ? relayLeased() : relayOrdered();
  }

  /**
   * Claims the round's due rows in one statement (its own transaction: no connection is held afterwards), delivers
   * them, marks the delivered ones and releases the claim on the rest.
   */
  private Future<Integer> relayLeased() {
    return pool.preparedQuery("UPDATE outbox SET claimed_until = now() + make_interval(secs => $2::double precision)"
            + " WHERE id IN (SELECT id FROM outbox WHERE channel = $1 AND published_at IS NULL AND dead_at IS NULL"
            + " AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())"
            + " ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)"
            + " RETURNING id, topic, msg_key, payload, attempts, true AS due")
        .execute(Tuple.of(channel, lease.toMillis() / 1000.0))
        .compose(rows -> {
          List<Row> batch = new ArrayList<>();
          rows.forEach(batch::add);
          batch.sort(Comparator.comparingLong(r -> r.getLong("id")));
          Long[] claimed = batch.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
          return deliver(pool, batch).compose(n -> n == claimed.length ? Future.succeededFuture(n)
              : pool.preparedQuery("UPDATE outbox SET claimed_until = NULL WHERE id = ANY($1) AND published_at IS NULL")
                  .execute(Tuple.of((Object) claimed)).map(n));
        });
  }

  private Future<Integer> relayOrdered() {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
        .execute(Tuple.of(lockKey))
        .compose(lock -> !lock.iterator().next().getBoolean(0) ? Future.succeededFuture(0)
            : conn.preparedQuery("SELECT id, topic, msg_key, payload, attempts, next_attempt_at <= now() AS due"
                    + " FROM outbox WHERE channel = $1"
                    + " AND published_at IS NULL AND dead_at IS NULL ORDER BY id LIMIT " + BATCH)
                .execute(Tuple.of(channel))
                .compose(rows -> {
                  List<Row> batch = new ArrayList<>();
                  rows.forEach(batch::add);
                  return deliver(conn, batch);
                })));
  }

  private Future<Integer> deliver(SqlClient conn, List<Row> batch) {
    List<Long> done = new ArrayList<>();
    if (batch.isEmpty() || notDue(batch.get(0))) {
      return Future.succeededFuture(0);
    }
    return worker.executeBlocking(() -> {
      List<Row> due = new ArrayList<>();
      for (Row r : batch) {
        if (notDue(r)) {
          break;
        }
        due.add(r);
      }
      if (wholeBatches) {
        try {
          delivery.deliver(due.stream().map(OutboxRelay::message).toList());
          due.forEach(r -> done.add(r.getLong("id")));
          return done.size();
        } catch (Exception e) {
          // find the row that fails: one at a time (the delivery is idempotent), so only that row counts an attempt
          // and is dead-lettered in the end, not the healthy row that happened to come first
          LOG.debug("outbox {} batch of {} failed, delivering row by row: {}", channel, due.size(), e.getMessage());
        }
      }
      for (Row r : due) {
        try {
          delivery.deliver(List.of(message(r)));
        } catch (Exception e) {
          throw new DeliveryFailed(r.getLong("id"), r.getInteger("attempts"), e);
        }
        done.add(r.getLong("id"));
      }
      return done.size();
    }, true).recover(e -> e instanceof DeliveryFailed f ? failed(conn, f).map(done.size()) : Future.failedFuture(e))
        .compose(n -> done.isEmpty() ? Future.succeededFuture(n)
            : conn.preparedQuery("UPDATE outbox SET published_at = now(), attempts = attempts + 1"
                    + " WHERE id = ANY($1)")
                .execute(Tuple.of(done.toArray(Long[]::new))).map(n));
  }

  private static Message message(Row r) {
    return new Message(r.getString("topic"), r.getString("msg_key"), (JsonObject) r.getValue("payload"));
  }

  private static boolean notDue(Row r) {
    return !r.getBoolean("due");
  }

  private Future<Void> failed(SqlClient conn, DeliveryFailed f) {
    int attempts = f.attempts + 1;
    long backoff = Math.min(MAX_BACKOFF_MS, 1000L << Math.min(attempts, 20));
    long delayMs = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1); // "equal jitter"
    String cause = String.valueOf(f.getCause().getMessage());
    LOG.warn("outbox {} row {} failed (attempt {}): {}", channel, f.id, attempts, cause);
    // explicit casts: PostgreSQL cannot deduce one type for $2 from "attempts = $2" and "$2 >= $4" otherwise
    // (42P08), which made every failure bookkeeping round fail
    return conn.preparedQuery("UPDATE outbox SET attempts = $2::int, last_error = $3,"
            + " next_attempt_at = now() + make_interval(secs => $5::double precision / 1000),"
            + " dead_at = CASE WHEN $2::int >= $4::int THEN now() END WHERE id = $1")
        .execute(Tuple.of(f.id, attempts, cause.length() > 1000 ? cause.substring(0, 1000) : cause, maxAttempts,
            delayMs))
        .mapEmpty();
  }

  private static final class DeliveryFailed extends RuntimeException {
    final long id;
    final int attempts;

    DeliveryFailed(long id, int attempts, Exception cause) {
      super(cause.getMessage(), cause, false, false);
      this.id = id;
      this.attempts = attempts;
    }
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    worker.close();
  }
}
