package ipwatch.casework.exports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.PartyScope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transparency exports, read under the caller's party scope like every case read (a platform: its marketplace's
 * noticed cases; a regulator: its jurisdictions): platform removals as DSA statements of reasons, sent notices as
 * Lumen-style records. At most {@link #LIMIT} per call, oldest first; {@code truncated} says when to ask again from
 * the last record's time.
 */
public final class TransparencyExports {
  public static final int LIMIT = 1_000;
  private static final Pattern LAW = Pattern.compile("\\[[A-Z]{2,3}: (.+)]$");
  private final Pool pool;

  public TransparencyExports(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> dsaStatements(Caller caller, Instant from, Instant to) {
    List<Object> p = window(from, to);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), p);
    return pool.preparedQuery("WITH visible AS (SELECT * FROM cases WHERE " + scope + ")"
            + " SELECT e.id AS event_id, e.at, e.after, e.reason, v.id AS case_id, v.flag->>'assetType' AS asset_type,"
            + " v.detected_at,"
            + " (SELECT n.type FROM case_events n WHERE n.case_id = v.id AND n.type IN ('SEND_NOTICE', 'TAKE_UP')"
            + "  AND n.id < e.id ORDER BY n.id DESC LIMIT 1) AS notice_type,"
            + " (SELECT o.name FROM organisations o WHERE o.id = v.owner_org) AS notifier"
            + " FROM case_events e JOIN visible v ON v.id = e.case_id"
            + " WHERE e.type = 'REMOVE' AND e.at >= $1 AND e.at < $2 ORDER BY e.at, e.id LIMIT " + (LIMIT + 1))
        .execute(Tuple.from(p))
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            if (out.size() == LIMIT) {
              break;
            }
            JsonObject after = r.getJsonObject("after");
            boolean byRegulator = "TAKE_UP".equals(r.getString("notice_type"));
            out.add(DsaStatement.of(new DsaStatement.Removal(r.getUUID("case_id").toString(), r.getLong("event_id"),
                r.getString("asset_type"), instant(r.getOffsetDateTime("detected_at")),
                instant(r.getOffsetDateTime("at")), byRegulator, byRegulator ? null : r.getString("notifier"),
                law(r.getString("reason")), after == null ? null : after.getJsonObject("details"))));
          }
          return page("statements", out, rows.size() > LIMIT, from, to);
        });
  }

  public Future<JsonObject> lumen(Caller caller, Instant from, Instant to) {
    List<Object> p = window(from, to);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), p);
    return pool.preparedQuery("WITH visible AS (SELECT * FROM cases WHERE " + scope + ")"
            + " SELECT e.at, e.after, v.id AS case_id, v.asset_id, v.kind, v.jurisdiction, v.marketplace, v.url,"
            + " v.status, v.flag->>'assetType' AS asset_type, coalesce(a.body->>'mark', a.body->>'title') AS work,"
            + " (SELECT o.name FROM organisations o WHERE o.id = v.owner_org) AS sender,"
            + " (SELECT o.name FROM organisations o WHERE o.role = 'PLATFORM' AND o.marketplace = v.marketplace"
            + "  ORDER BY o.id LIMIT 1) AS recipient,"
            + " (SELECT r.type FROM case_events r WHERE r.case_id = v.id AND r.type IN ('REMOVE', 'REJECT')"
            + "  AND r.id > e.id ORDER BY r.id LIMIT 1) AS answer"
            + " FROM case_events e JOIN visible v ON v.id = e.case_id LEFT JOIN ip_assets a ON a.asset_id = v.asset_id"
            + " WHERE e.type IN ('SEND_NOTICE', 'TAKE_UP') AND e.at >= $1 AND e.at < $2"
            + " ORDER BY e.at, e.id LIMIT " + (LIMIT + 1))
        .execute(Tuple.from(p))
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            if (out.size() == LIMIT) {
              break;
            }
            out.add(LumenRecord.of(new LumenRecord.Notice(r.getUUID("case_id").toString(), r.getString("asset_id"),
                r.getString("asset_type"), r.getString("work"), r.getString("kind"), r.getString("jurisdiction"),
                r.getString("marketplace"), instant(r.getOffsetDateTime("at")), urls(r),
                r.getString("sender"), r.getString("recipient"), outcome(r.getString("answer")),
                r.getString("status"))));
          }
          return page("notices", out, rows.size() > LIMIT, from, to);
        });
  }

  private static List<Object> window(Instant from, Instant to) {
    return new ArrayList<>(List.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
        OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
  }

  /** The notice's exact URLs (DSA Art. 16(2)(b)), else the listing's. */
  private static List<String> urls(Row r) {
    List<String> out = new ArrayList<>();
    JsonObject after = r.getJsonObject("after");
    JsonArray given = after == null ? null : after.getJsonObject("details", new JsonObject()).getJsonArray("urls");
    if (given != null) {
      given.forEach(u -> out.add(String.valueOf(u)));
    }
    if (out.isEmpty() && r.getString("url") != null) {
      out.add(r.getString("url"));
    }
    return out;
  }

  private static String outcome(String answer) {
    return answer == null ? null : answer.equals("REMOVE") ? "REMOVED" : "REJECTED";
  }

  /** The law the transition applied, from the audit reason's "[US: 17 U.S.C. ...]" suffix (never the free text). */
  static String law(String reason) {
    Matcher m = reason == null ? null : LAW.matcher(reason);
    return m != null && m.find() ? m.group(1) : null;
  }

  private static JsonObject page(String name, JsonArray items, boolean truncated, Instant from, Instant to) {
    return new JsonObject().put(name, items).put("total", items.size()).put("truncated", truncated)
        .put("from", from.toString()).put("to", to.toString());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
