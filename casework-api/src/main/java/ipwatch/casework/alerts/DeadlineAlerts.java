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
import ipwatch.casework.db.BatchedScan;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Raises DEADLINE_APPROACHING once per pending deadline that falls due within {@code warning} (e.g. the restore
 * window after a counter-notice, before which the rights holder must sue). Runs next to the deadline scanner, on the
 * same interval; {@code FOR UPDATE SKIP LOCKED} and {@code warned_at} make it safe on several instances and
 * idempotent. The warning and its {@code warned_at} mark are one transaction.
 */
public final class DeadlineAlerts implements AutoCloseable {
  private final Duration warning;
  private final BatchedScan scan;

  public DeadlineAlerts(Vertx vertx, Pool pool, Clock clock, Duration warning) {
    this.warning = warning;
    this.scan = new BatchedScan(vertx, pool, clock, "deadline warning scan", 100, this::batch);
  }

  public DeadlineAlerts start(Duration interval) {
    scan.start(interval);
    return this;
  }

  /** Warns about every deadline now inside the warning period; answers how many timers were warned about. */
  public Future<Integer> scanOnce() {
    return scan.scanOnce();
  }

  private Future<Integer> batch(SqlConnection conn, OffsetDateTime now, int limit) {
    return conn.preparedQuery("SELECT id, case_id, kind, action, due_at, basis FROM case_timers"
            + " WHERE fired_at IS NULL AND cancelled_at IS NULL AND warned_at IS NULL AND due_at > $1"
            + " AND due_at <= $2 ORDER BY due_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
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
    scan.close();
  }
}
