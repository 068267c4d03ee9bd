package ipwatch.casework.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The figures of the portal's dashboard over the cases the caller may see (the party scope is inside every query):
 * flags per day and marketplace (cases by the day their flag was detected, UTC), detection-to-takedown time (first
 * removal of each case removed in the window, hours since detection, median and 90th percentile), the counter-notice
 * rate (counter-notices and EU complaints / notices sent, regulators' own-initiative take-ups included, both counted
 * in the window) and the current number of cases per status.
 */
public final class Dashboard {
  private final Pool pool;
  private final Supplier<Instant> now;

  public Dashboard(Pool pool, Supplier<Instant> now) {
    this.pool = pool;
    this.now = now;
  }

  public Future<JsonObject> forParty(Caller caller, int days) {
    OffsetDateTime since = OffsetDateTime.ofInstant(now.get().minus(Duration.ofDays(days)), ZoneOffset.UTC);
    PartyScope scope = PartyScope.of(caller.organisation());
    Future<JsonArray> flags = flagsPerDay(scope, since);
    Future<JsonObject> takedown = detectionToTakedown(scope, since);
    Future<Double> counterRate = counterNoticeRate(scope, since);
    Future<JsonObject> byStatus = casesByStatus(scope);
    return Future.all(flags, takedown, counterRate, byStatus).map(v -> new JsonObject()
        .put("days", days)
        .put("since", since.toInstant().toString())
        .put("flagsPerDay", flags.result())
        .put("detectionToTakedown", takedown.result())
        .put("counterNoticeRate", counterRate.result())
        .put("casesByStatus", byStatus.result()));
  }

  private Future<JsonArray> flagsPerDay(PartyScope scope, OffsetDateTime since) {
    List<Object> p = new ArrayList<>();
    String where = CaseRows.where(scope, p);
    String from = CaseRows.bind(p, since);
    return pool.preparedQuery("SELECT to_char(detected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, marketplace,"
            + " count(*) AS n FROM cases WHERE " + where + " AND detected_at >= " + from
            + " GROUP BY 1, 2 ORDER BY 1, 2")
        .execute(Tuple.from(p))
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            out.add(new JsonObject().put("day", r.getString("day")).put("marketplace", r.getString("marketplace"))
                .put("count", r.getLong("n")));
          }
          return out;
        });
  }

  private Future<JsonObject> detectionToTakedown(PartyScope scope, OffsetDateTime since) {
    List<Object> p = new ArrayList<>();
    String where = CaseRows.where(scope, p);
    String from = CaseRows.bind(p, since);
    // the scope's columns exist only on cases, so they resolve to c inside the join
    return pool.preparedQuery("SELECT count(*) AS n,"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS p50,"
            + " percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90"
            + " FROM (SELECT extract(epoch FROM (min(e.at) - c.detected_at)) / 3600.0 AS hours"
            + " FROM cases c JOIN case_events e ON e.case_id = c.id AND e.type = 'REMOVE'"
            + " WHERE " + where + " GROUP BY c.id, c.detected_at HAVING min(e.at) >= " + from + ") t")
        .execute(Tuple.from(p))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new JsonObject().put("count", r.getLong("n")).put("p50Hours", round(r.getDouble("p50")))
              .put("p90Hours", round(r.getDouble("p90")));
        });
  }

  private Future<Double> counterNoticeRate(PartyScope scope, OffsetDateTime since) {
    List<Object> p = new ArrayList<>();
    String where = CaseRows.where(scope, p);
    String from = CaseRows.bind(p, since);
    return pool.preparedQuery("SELECT count(*) FILTER (WHERE e.type IN ('SEND_NOTICE', 'TAKE_UP')) AS notices,"
            + " count(*) FILTER (WHERE e.type IN ('COUNTER_NOTICE', 'COMPLAINT')) AS countered"
            + " FROM cases c JOIN case_events e ON e.case_id = c.id WHERE " + where + " AND e.at >= " + from)
        .execute(Tuple.from(p))
        .map(rows -> {
          Row r = rows.iterator().next();
          long notices = r.getLong("notices");
          return notices == 0 ? 0.0 : Math.min(1.0, (double) r.getLong("countered") / notices);
        });
  }

  private Future<JsonObject> casesByStatus(PartyScope scope) {
    List<Object> p = new ArrayList<>();
    String where = CaseRows.where(scope, p);
    return pool.preparedQuery("SELECT status, count(*) AS n FROM cases WHERE " + where + " GROUP BY status")
        .execute(Tuple.from(p))
        .map(rows -> {
          JsonObject out = new JsonObject();
          for (CaseStatus s : CaseStatus.values()) {
            out.put(s.name(), 0L);
          }
          rows.forEach(r -> out.put(r.getString("status"), r.getLong("n")));
          return out;
        });
  }

  private static Double round(Double hours) {
    return hours == null ? null : Math.round(hours * 100) / 100.0;
  }
}
