package ipwatch.casework.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * How accurate a rights holder's notices are, from the audit trail: notices sent, removals, rejections, counter-notices
 * and complaints, and removals undone (restored after a counter-notice, or reversed on complaint). "Upheld" = removals
 * that stood. Platforms' good-faith programmes (Alibaba, Amazon) and DSA Art. 23 (misuse) look at these rates. Only
 * the cases the caller can see are counted, so a platform sees the notifier's record on its own marketplace.
 */
public final class NotifierAccuracy {
  private final Pool pool;

  public NotifierAccuracy(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> of(Caller caller, String orgId) {
    List<Object> params = new ArrayList<>();
    params.add(orgId);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT"
            + " count(*) FILTER (WHERE e.type IN ('SEND_NOTICE')) AS notices,"
            + " count(*) FILTER (WHERE e.type = 'REMOVE') AS removed,"
            + " count(*) FILTER (WHERE e.type = 'REJECT') AS rejected,"
            + " count(*) FILTER (WHERE e.type IN ('COUNTER_NOTICE', 'COMPLAINT')) AS countered,"
            + " count(*) FILTER (WHERE e.type IN ('RESTORE', 'REVERSE')) AS undone"
            + " FROM case_events e JOIN (SELECT id FROM cases WHERE owner_org = $1 AND NOT own_initiative AND "
            + scope + ") c ON c.id = e.case_id")
        .execute(Tuple.from(params))
        .map(rows -> {
          Row r = rows.iterator().next();
          long notices = r.getLong("notices");
          long removed = r.getLong("removed");
          long upheld = Math.max(0, removed - r.getLong("undone"));
          return new JsonObject().put("orgId", orgId).put("notices", notices).put("removed", removed)
              .put("rejected", r.getLong("rejected")).put("countered", r.getLong("countered"))
              .put("undone", r.getLong("undone")).put("upheld", upheld)
              .put("accuracy", notices == 0 ? null : (double) upheld / notices)
              .put("counterRate", removed == 0 ? null : (double) r.getLong("countered") / removed);
        });
  }
}
