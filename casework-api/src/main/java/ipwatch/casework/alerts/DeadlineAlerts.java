package ipwatch.casework.alerts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.CaseSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises DEADLINE_APPROACHING once per pending deadline that falls due within {@code warning} (e.g. the restore
 * window after a counter-notice, before which the rights holder must sue). Runs next to the deadline scanner, on the
 * same interval; {@code FOR UPDATE SKIP LOCKED} and {@code warned_at} make it safe on several instances and
 * idempotent. The warning and its {@code warned_at} mark are one transaction.
 */
public final class DeadlineAlerts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineAlerts.class);
  private static final int BATCH = 100;
  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final Duration warning;
  private long timerId = -1;

  public DeadlineAlerts(Vertx vertx, Pool pool, Clock clock, Duration warning) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.warning = warning;
  }

  public DeadlineAlerts start(Duration interval) {
    timerId = vertx.setPeriodic(interval.toMillis(), id -> scanOnce()
        .onFailure(e -> LOG.warn("deadline warning scan failed, retrying next round: {}", e.getMessage())));
    return this;
  }

  /** Warns about every deadline now inside the warning period; answers how many timers were warned about. */
  public Future<Integer> scanOnce() {
    return pool.withTransaction(this::batch).compose(n -> n == BATCH ? scanOnce().map(m -> n + m)
        : Future.succeededFuture(n));
  }

  private Future<Integer> batch(SqlConnection conn) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return conn.preparedQuery("SELECT id, case_id, kind, action, due_at, basis FROM case_timers"
            + " WHERE fired_at IS NULL AND cancelled_at IS NULL AND warned_at IS NULL AND due_at > $1"
            + " AND due_at <= $2 ORDER BY due_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(now, now.plus(warning)))
        .compose(rows -> {
          List<Row> timers = new ArrayList<>();
          rows.forEach(timers::add);
          if (timers.isEmpty()) {
            return Future.succeededFuture(0);
          }
          UUID[] caseIds = timers.stream().map(t -> t.getUUID("case_id")).toArray(UUID[]::new);
          return conn.preparedQuery("SELECT " + CaseRows.COLUMNS + " FROM cases WHERE id = ANY($1)")
              .execute(Tuple.tuple().addArrayOfUUID(caseIds))
              .compose(cases -> {
                Map<UUID, CaseSummary> byId = new HashMap<>();
                cases.forEach(r -> byId.put(r.getUUID("id"), CaseRows.read(r)));
                Future<Void> chain = Future.succeededFuture();
                for (Row t : timers) {
                  CaseSummary k = byId.get(t.getUUID("case_id"));
                  JsonObject deadline = new JsonObject().put("deadline", new JsonObject()
                      .put("kind", t.getString("kind")).put("action", t.getString("action"))
                      .put("due", t.getOffsetDateTime("due_at").toInstant().toString())
                      .put("basis", t.getString("basis")));
                  chain = chain.compose(v -> conn.preparedQuery("UPDATE case_timers SET warned_at = $2 WHERE id = $1")
                      .execute(Tuple.of(t.getLong("id"), now))
                      .compose(u -> k == null ? Future.succeededFuture(0)
                          : CaseAlerts.raise(conn, k, AlertEvent.DEADLINE_APPROACHING, deadline, now.toInstant()))
                      .mapEmpty());
                }
                return chain.map(timers.size());
              });
        });
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }
}
