package ipwatch.casework.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.model.Flag;
import ipwatch.model.Json;

/**
 * A flag for a listing and asset that already have a case. When the matcher's view changed (another score or other
 * signals: a re-crawl found more or less evidence, a new matcher version weighs it differently), the case takes the
 * new score, signals and priority, its version goes up (so the search document is replaced) and a FLAG_UPDATED audit
 * event records before and after. The same flag again changes nothing: the comparison is in the UPDATE itself, so a
 * replay, however often, writes no row and no event.
 *
 * <p>The workflow state is left alone: a re-scored case keeps its status, deadlines and hold whatever the new score.
 */
final class FlagRescoring {
  static final String FLAG_UPDATED = "FLAG_UPDATED";

  private FlagRescoring() {}

  /** Answers whether the case changed. Runs on the ingestion transaction. */
  static Future<Boolean> apply(SqlConnection conn, Flag flag, double priority, String source) {
    JsonObject body = new JsonObject(Json.write(flag));
    String reason = flag.kind() + " flag re-scored (score " + flag.score() + ", matcher " + flag.matcherVersion()
        + ") from " + source;
    // cur locks the row; upd changes it only when score or signals differ; ev records what changed, from cur's
    // values (the snapshot before the update) to the new ones
    String sql = "WITH cur AS (SELECT id, score, priority, flag->'signals' AS signals FROM cases"
        + " WHERE listing_id = $1 AND asset_id = $2 FOR UPDATE),"
        + " upd AS (UPDATE cases c SET score = $3::float8, flag = $4::jsonb, priority = $5::float8,"
        + " version = c.version + 1, updated_at = now() FROM cur WHERE c.id = cur.id"
        + " AND (cur.score <> $3::float8 OR cur.signals IS DISTINCT FROM ($4::jsonb)->'signals') RETURNING c.id),"
        + " ev AS (INSERT INTO case_events (case_id, actor, type, reason, before, after)"
        + " SELECT cur.id, $6, $7, $8,"
        + " jsonb_build_object('score', cur.score, 'priority', cur.priority, 'signals', cur.signals),"
        + " jsonb_build_object('score', $3::float8, 'priority', $5::float8, 'signals', ($4::jsonb)->'signals',"
        + " 'flagId', ($4::jsonb)->>'flagId', 'matcherVersion', ($4::jsonb)->>'matcherVersion')"
        + " FROM cur JOIN upd ON upd.id = cur.id)"
        + " SELECT count(*) FROM upd";
    return conn.preparedQuery(sql)
        .execute(Tuple.from(new Object[] {flag.listingId(), flag.assetId(), flag.score(), body, priority,
            FlagIngestor.ACTOR, FLAG_UPDATED, reason}))
        .map(rows -> rows.iterator().next().getLong(0) > 0);
  }
}
