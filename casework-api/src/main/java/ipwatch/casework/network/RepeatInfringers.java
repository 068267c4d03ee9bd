package ipwatch.casework.network;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The repeat-seller input of {@link ipwatch.casework.cases.Priority} for a new case: the earlier cases of the seller's
 * whole operator network (every linked account on every marketplace, or the account alone when it is in no network).
 * A seller or network with an upheld case (removed, decided infringing or settled) is a repeat infringer: its input
 * is raised to at least {@link #REPEAT_INFRINGER_INPUT}, which gives the full repeat-seller weight.
 */
public final class RepeatInfringers {
  /** Priority saturates its repeat-seller term at five earlier cases. */
  public static final long REPEAT_INFRINGER_INPUT = 5;

  private RepeatInfringers() {}

  public static long priorityInput(long earlierCases, long upheldCases) {
    return upheldCases > 0 ? Math.max(earlierCases, REPEAT_INFRINGER_INPUT) : earlierCases;
  }

  /** Earlier and upheld cases of the seller's network, folded into the priority input. */
  public static Future<Long> priorityInput(SqlConnection conn, String marketplace, String sellerId) {
    if (sellerId == null || marketplace == null) {
      return Future.succeededFuture(0L);
    }
    // = ANY(ARRAY(...)) rather than IN (SELECT ...): the planner sizes a set-returning function at 1,000 rows and
    // answered IN with a hash join over a sequential scan of all cases, once per ingested flag; the array is
    // computed first and looked up in cases_seller_account_idx
    return conn.preparedQuery("SELECT count(*), count(*) FILTER (WHERE status IN ('REMOVED', 'CLOSED')"
            + " AND ipw_case_upheld(id, status, outcome))"
            + " FROM cases WHERE seller_account = ANY (ARRAY(SELECT ipw_network_accounts($1)))")
        .execute(Tuple.of(marketplace + ":" + sellerId))
        .map(rows -> {
          var r = rows.iterator().next();
          return priorityInput(r.getLong(0), r.getLong(1));
        });
  }
}
