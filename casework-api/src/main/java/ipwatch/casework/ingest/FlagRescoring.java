package ipwatch.casework.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.cases.Priority;
import ipwatch.model.Flag;
import ipwatch.model.Json;

/**
 * A flag for a listing and asset that already have a case. When the matcher's view changed (another score or other
 * signals: a re-crawl found more or less evidence, a new matcher version weighs it differently), the case takes the
 * new score and signals, its priority moves by the score's share ({@link Priority#rescored}), its version goes up (so
 * the search document is replaced) and a FLAG_UPDATED audit event records before and after. The same flag again
 * changes nothing: the comparison runs on the locked row, so a replay, however often, writes no row and no event.
 *
 * <p>The workflow state is left alone: a re-scored case keeps its status, deadlines and hold whatever the new score.
 */
final class FlagRescoring {
  static final String FLAG_UPDATED = "FLAG_UPDATED";

  private FlagRescoring() {}

  /** Answers whether the case changed. Runs on the ingestion transaction. */
  static Future<Boolean> apply(SqlConnection conn, Flag flag, String source) {
    JsonObject body = new JsonObject(Json.write(flag));
    // jsonb equality compares values (numbers by value, keys in any order), not the text the flag was written as
    return conn.preparedQuery("SELECT id, score, priority, flag->'signals' AS signals,"
            + " (score = $3::float8 AND flag->'signals' IS NOT DISTINCT FROM ($4::jsonb)->'signals') AS same"
            + " FROM cases WHERE listing_id = $1 AND asset_id = $2 FOR UPDATE")
        .execute(Tuple.of(flag.listingId(), flag.assetId(), flag.score(), body))
        .compose(rows -> {
          Row cur = rows.iterator().next();
          if (cur.getBoolean("same")) {
            return Future.succeededFuture(false);
          }
          return update(conn, flag, body, cur, source).map(true);
        });
  }

  private static Future<Void> update(SqlConnection conn, Flag flag, JsonObject body, Row cur, String source) {
    double priority = Priority.rescored(cur.getDouble("priority"), cur.getDouble("score"), flag.score());
    JsonObject before = new JsonObject().put("score", cur.getDouble("score")).put("priority", cur.getDouble("priority"))
        .put("signals", cur.getValue("signals"));
    JsonObject after = new JsonObject().put("score", flag.score()).put("priority", priority)
        .put("signals", body.getValue("signals")).put("flagId", flag.flagId())
        .put("matcherVersion", flag.matcherVersion());
    String reason = flag.kind() + " flag re-scored (score " + cur.getDouble("score") + " -> " + flag.score()
        + ", matcher " + flag.matcherVersion() + ") from " + source;
    return conn.preparedQuery("WITH upd AS (UPDATE cases SET score = $2, flag = $3, priority = $4,"
            + " version = version + 1, updated_at = now() WHERE id = $1 RETURNING id)"
            + " INSERT INTO case_events (case_id, actor, type, reason, before, after)"
            + " SELECT id, $5, $6, $7, $8, $9 FROM upd")
        .execute(Tuple.from(new Object[] {cur.getUUID("id"), flag.score(), body, priority, FlagIngestor.ACTOR,
            FLAG_UPDATED, reason, before, after}))
        .mapEmpty();
  }
}
