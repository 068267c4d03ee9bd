package ipwatch.casework.workflow;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.db.BatchedScan;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due deadlines: at start-up (so a deadline that passed while the service was down takes effect at once) and
 * then every {@code interval}. Each batch is one transaction; {@code FOR UPDATE SKIP LOCKED} lets several instances
 * scan together without firing a timer twice. Timers of cases on legal hold are skipped and stay due.
 */
public final class TimerScanner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TimerScanner.class);
  private final Workflow workflow;
  private final BatchedScan scan;

  public TimerScanner(Vertx vertx, Pool pool, Workflow workflow, Clock clock) {
    this.workflow = workflow;
    this.scan = new BatchedScan(vertx, pool, clock, "deadline scan", 100, this::batch);
  }

  public TimerScanner start(Duration interval) {
    scan.start(interval);
    return this;
  }

  /** Fires every due timer (in batches) and answers how many fired. */
  public Future<Integer> scanOnce() {
    return scan.scanOnce();
  }

  private Future<Integer> batch(SqlConnection conn, OffsetDateTime now, int limit) {
    return conn.preparedQuery("SELECT t.id, t.case_id, t.action, t.basis FROM case_timers t JOIN cases c"
            + " ON c.id = t.case_id WHERE t.fired_at IS NULL AND t.cancelled_at IS NULL AND t.due_at <= $1"
            + " AND NOT c.legal_hold ORDER BY t.due_at LIMIT " + limit + " FOR UPDATE OF t SKIP LOCKED")
        .execute(Tuple.of(now))
        .compose(rows -> {
          List<Row> due = new ArrayList<>();
          rows.forEach(due::add);
          Future<Integer> chain = Future.succeededFuture(0);
          for (Row t : due) {
            chain = chain.compose(n -> fire(conn, t, now).map(fired -> n + (fired ? 1 : 0)));
          }
          return chain.map(n -> due.size());
        });
  }

  private Future<Boolean> fire(SqlConnection conn, Row t, OffsetDateTime now) {
    long id = t.getLong("id");
    UUID caseId = t.getUUID("case_id");
    Action action = Action.parse(t.getString("action")).orElseThrow();
    TransitionRequest req = TransitionRequest.of(action, "deadline passed: " + t.getString("basis"));
    return conn.preparedQuery("UPDATE case_timers SET fired_at = $2 WHERE id = $1").execute(Tuple.of(id, now))
        .compose(v -> workflow.apply(conn, Actor.TIMER, caseId, req))
        .map(r -> {
          LOG.info("deadline fired: case {} {} -> {}", caseId, action.jsonName(), r.kase().status());
          return true;
        })
        .recover(e -> {
          if (e instanceof TransitionRefused refused) {
            // the case moved on without cancelling (should not happen): record why, do not retry forever
            LOG.warn("deadline of case {} not applied: {}", caseId, refused.getMessage());
            return conn.preparedQuery("UPDATE case_timers SET fired_at = NULL, cancelled_at = $2 WHERE id = $1")
                .execute(Tuple.of(id, now)).map(false);
          }
          return Future.failedFuture(e);
        });
  }

  @Override
  public void close() {
    scan.close();
  }
}
