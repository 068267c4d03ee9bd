package ipwatch.casework.alerts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.Refusal;
import ipwatch.casework.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A rights holder's alert subscriptions. Every query is scoped to the caller's organisation: another holder's
 * subscription is a 404, and an asset or endpoint id that is not the caller's own is refused with the same 400
 * whether it exists or not.
 *
 * <p>Creation is idempotent: the id is derived from the organisation and the normalised filters, so sending the same
 * subscription twice answers the one already stored.
 */
public final class Subscriptions {
  private static final String COLUMNS = "id, org_id, asset_ids, min_score, kinds, marketplaces, jurisdictions,"
      + " events, channel, endpoint_id, created_by, created_at";
  private final Pool pool;
  private final Clock clock;

  public Subscriptions(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Creates (or finds the identical) subscription from a schema-valid body. */
  public Future<JsonObject> create(Caller caller, JsonObject body) {
    String[] assets = sorted(body.getJsonArray("assetIds"));
    String[] kinds = sorted(body.getJsonArray("kinds"));
    String[] markets = sorted(body.getJsonArray("marketplaces"));
    String[] jurisdictions = sorted(body.getJsonArray("jurisdictions"));
    String[] events = sorted(body.getJsonArray("events"));
    double minScore = body.getDouble("minScore", 0.0);
    String channel = body.getString("channel");
    String endpoint = body.getString("endpointId");
    if ("webhook".equals(channel) && endpoint == null) {
      return Future.failedFuture(new Refusal(400, "body.endpointId is required for the webhook channel."));
    }
    if ("sse".equals(channel) && endpoint != null) {
      return Future.failedFuture(new Refusal(400, "body.endpointId is only for the webhook channel."));
    }
    UUID endpointId = endpoint == null ? null : UUID.fromString(endpoint);
    String canonical = String.join("\n", caller.orgId(), String.join(",", assets), Double.toString(minScore),
        String.join(",", kinds), String.join(",", markets), String.join(",", jurisdictions), String.join(",", events),
        channel, String.valueOf(endpointId));
    UUID id = UUID.nameUUIDFromBytes(canonical.getBytes(StandardCharsets.UTF_8));
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT count(*) FROM ip_assets WHERE owner_org = $1"
            + " AND asset_id = ANY($2)").execute(Tuple.tuple().addString(caller.orgId()).addArrayOfString(assets))
        .compose(own -> {
          if (own.iterator().next().getLong(0) != assets.length) {
            throw new Refusal(400, "body.assetIds must name assets registered by your organisation.");
          }
          return endpointId == null ? Future.succeededFuture(1L)
              : conn.preparedQuery("SELECT count(*) FROM webhook_endpoints WHERE id = $1 AND org_id = $2")
                  .execute(Tuple.of(endpointId, caller.orgId())).map(r -> r.iterator().next().getLong(0));
        })
        .compose(endpoints -> {
          if (endpoints != 1) {
            throw new Refusal(400, "body.endpointId must name a webhook endpoint of your organisation.");
          }
          return conn.preparedQuery("INSERT INTO alert_subscriptions (id, org_id, asset_ids, min_score, kinds,"
                  + " marketplaces, jurisdictions, events, channel, endpoint_id, created_by, created_at)"
                  + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING")
              .execute(Tuple.from(new Object[] {id, caller.orgId(), assets, minScore, kinds, markets, jurisdictions,
                  events, channel, endpointId, caller.userId(),
                  OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)}));
        })
        .compose(v -> conn.preparedQuery("SELECT " + COLUMNS + " FROM alert_subscriptions WHERE id = $1")
            .execute(Tuple.of(id)).map(rows -> json(rows.iterator().next()))));
  }

  public Future<List<JsonObject>> list(Caller caller) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_subscriptions WHERE org_id = $1"
            + " ORDER BY created_at, id")
        .execute(Tuple.of(caller.orgId()))
        .map(rows -> {
          List<JsonObject> out = new ArrayList<>();
          rows.forEach(r -> out.add(json(r)));
          return out;
        });
  }

  public Future<Optional<JsonObject>> get(Caller caller, UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_subscriptions WHERE id = $1 AND org_id = $2")
        .execute(Tuple.of(id, caller.orgId()))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(json(rows.iterator().next())));
  }

  /** Answers whether the caller's subscription existed (a repeated DELETE is a 404, like a foreign id). */
  public Future<Boolean> delete(Caller caller, UUID id) {
    return pool.preparedQuery("DELETE FROM alert_subscriptions WHERE id = $1 AND org_id = $2")
        .execute(Tuple.of(id, caller.orgId()))
        .map(r -> r.rowCount() == 1);
  }

  private static String[] sorted(JsonArray a) {
    TreeSet<String> out = new TreeSet<>();
    if (a != null) {
      a.forEach(v -> out.add(String.valueOf(v)));
    }
    return out.toArray(String[]::new);
  }

  private static JsonObject json(Row r) {
    UUID endpoint = r.getUUID("endpoint_id");
    return new JsonObject().put("id", r.getUUID("id").toString())
        .put("assetIds", new JsonArray(List.of(r.getArrayOfStrings("asset_ids"))))
        .put("minScore", r.getDouble("min_score"))
        .put("kinds", new JsonArray(List.of(r.getArrayOfStrings("kinds"))))
        .put("marketplaces", new JsonArray(List.of(r.getArrayOfStrings("marketplaces"))))
        .put("jurisdictions", new JsonArray(List.of(r.getArrayOfStrings("jurisdictions"))))
        .put("events", new JsonArray(List.of(r.getArrayOfStrings("events"))))
        .put("channel", r.getString("channel"))
        .put("endpointId", endpoint == null ? null : endpoint.toString())
        .put("createdBy", r.getString("created_by"))
        .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString());
  }
}
