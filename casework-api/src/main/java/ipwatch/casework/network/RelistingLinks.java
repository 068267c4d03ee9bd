package ipwatch.casework.network;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RELISTING flag (raised by the relisting job when a near-duplicate of a taken-down listing appears) links its case
 * to the earlier case and raises its priority by {@link #PRIORITY_BOOST} points: the platform removed the original
 * already, so the relisting is the clearest kind of case there is.
 *
 * <p>The relisting is a new listing, so it gets its own case (one case per listing and asset) rather than reopening
 * the earlier one, whose workflow has ended (REMOVED or CLOSED, with its own audit trail and deadlines; the workflow
 * has no edge back). When the listing already had a case for the asset (say, a BRAND_USE flag came first), that case
 * is linked and raised instead. Either way at most once: only while {@code related_case_id} is unset.
 */
public final class RelistingLinks {
  public static final double PRIORITY_BOOST = 15;
  public static final String EVENT = "RELISTING_LINKED";
  private static final Pattern CASE_ID = Pattern.compile("in case ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
      + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

  private RelistingLinks() {}

  /** The earlier case a RELISTING flag names in its {@code RELISTING_OF} signal. */
  public static Optional<UUID> earlierCase(Flag flag) {
    if (flag.kind() != FlagKind.RELISTING || flag.signals() == null) {
      return Optional.empty();
    }
    for (Flag.Signal s : flag.signals()) {
      if ("RELISTING_OF".equals(s.type()) && s.detail() != null) {
        Matcher m = CASE_ID.matcher(s.detail());
        if (m.find()) {
          return Optional.of(UUID.fromString(m.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  /** Links the flag's case (already inserted or found) to the earlier one, in the ingestion's transaction. */
  public static Future<Void> link(SqlConnection conn, Flag flag, String actor) {
    Optional<UUID> earlier = earlierCase(flag);
    if (earlier.isEmpty()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery("UPDATE cases SET related_case_id = $3, priority = LEAST(100, priority + $4),"
            + " version = version + 1, updated_at = now()"
            + " WHERE listing_id = $1 AND asset_id = $2 AND related_case_id IS NULL AND id <> $3"
            + " AND EXISTS (SELECT 1 FROM cases e WHERE e.id = $3) RETURNING id")
        .execute(Tuple.of(flag.listingId(), flag.assetId(), earlier.get(), PRIORITY_BOOST))
        .compose(rows -> rows.size() == 0
            ? Future.<Void>succeededFuture()
            : conn.preparedQuery("INSERT INTO case_events (case_id, actor, type, reason, before, after)"
                    + " VALUES ($1, $2, $3, $4, NULL, $5)")
                .execute(Tuple.of(rows.iterator().next().getUUID("id"), actor, EVENT,
                    "relisting of the listing taken down in case " + earlier.get() + " (priority +"
                        + PRIORITY_BOOST + ")",
                    new JsonObject().put("relatedCaseId", earlier.get().toString())))
                .mapEmpty());
  }
}
