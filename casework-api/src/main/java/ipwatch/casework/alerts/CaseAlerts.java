package ipwatch.casework.alerts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.ingest.IngestOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the alerts a case change raises, on the transaction of that change: a {@code webhook} outbox row for the
 * subscription's endpoint (signed and retried by the webhook dispatcher) or a {@code party_events} row for the SSE
 * stream. Only the subscriptions of the case's owner are loaded, so another holder can never be alerted about it.
 */
public final class CaseAlerts {
  private CaseAlerts() {}

  /** After a flag was ingested: a newly opened case raises CASE_OPENED (or RELISTING); a replayed flag nothing. */
  public static Future<IngestOutcome> afterIngest(SqlConnection conn, IngestOutcome outcome) {
    if (!(outcome instanceof IngestOutcome.Opened opened)) {
      return Future.succeededFuture(outcome);
    }
    CaseSummary k = opened.kase();
    return raise(conn, k, AlertEvent.forOpenedKind(k.kind()), new JsonObject(), k.createdAt()).map(outcome);
  }

  /** Raises {@code event} on case {@code k} for every matching subscription of its owner; answers how many. */
  public static Future<Integer> raise(SqlConnection conn, CaseSummary k, AlertEvent event, JsonObject extra,
      Instant at) {
    return conn.preparedQuery("SELECT id, org_id, asset_ids, min_score, kinds, marketplaces, jurisdictions, events,"
            + " channel, endpoint_id FROM alert_subscriptions WHERE org_id = $1 AND $2 = ANY(events) ORDER BY id")
        .execute(Tuple.of(k.ownerOrg(), event.name()))
        .compose(rows -> {
          List<AlertRules.Subscription> subs = new ArrayList<>();
          rows.forEach(r -> subs.add(subscription(r)));
          AlertRules.CaseFacts facts = new AlertRules.CaseFacts(k.id().toString(), k.ownerOrg(), k.assetId(),
              k.kind(), k.score(), k.marketplace(), k.jurisdiction());
          List<AlertRules.Subscription> hit = AlertRules.triggered(subs, facts, event);
          Future<Void> chain = Future.succeededFuture();
          for (AlertRules.Subscription s : hit) {
            JsonObject message = message(s, k, event, extra, at);
            chain = chain.compose(v -> write(conn, s, event, message));
          }
          return chain.map(hit.size());
        });
  }

  /** The alert as sent: Standard Webhooks' {type, timestamp, data}, the same body on both channels. */
  static JsonObject message(AlertRules.Subscription s, CaseSummary k, AlertEvent event, JsonObject extra,
      Instant at) {
    JsonObject data = new JsonObject().put("subscriptionId", s.id()).put("event", event.name())
        .put("caseId", k.id().toString()).put("assetId", k.assetId()).put("kind", k.kind()).put("score", k.score())
        .put("marketplace", k.marketplace()).put("jurisdiction", k.jurisdiction()).put("status", k.status().name())
        .put("title", k.title()).put("url", k.url()).put("case", "/api/cases/" + k.id());
    data.mergeIn(extra);
    return new JsonObject().put("type", event.type()).put("timestamp", at.toString()).put("data", data);
  }

  private static Future<Void> write(SqlConnection conn, AlertRules.Subscription s, AlertEvent event,
      JsonObject message) {
    if ("webhook".equals(s.channel())) {
      return conn.preparedQuery("INSERT INTO outbox (channel, event_type, target_org, target_endpoint, msg_key,"
              + " payload) VALUES ('webhook', $1, $2, $3, $4, $5)")
          .execute(Tuple.of(event.type(), s.orgId(), UUID.fromString(s.endpointId()),
              message.getJsonObject("data").getString("caseId"), message))
          .mapEmpty();
    }
    return conn.preparedQuery("INSERT INTO party_events (event, case_id, org_id, data) VALUES ('alert', $1, $2, $3)")
        .execute(Tuple.of(UUID.fromString(message.getJsonObject("data").getString("caseId")), s.orgId(), message))
        .mapEmpty();
  }

  static AlertRules.Subscription subscription(Row r) {
    Set<AlertEvent> events = EnumSet.noneOf(AlertEvent.class);
    for (String e : r.getArrayOfStrings("events")) {
      AlertEvent.parse(e).ifPresent(events::add);
    }
    UUID endpoint = r.getUUID("endpoint_id");
    return new AlertRules.Subscription(r.getUUID("id").toString(), r.getString("org_id"),
        set(r.getArrayOfStrings("asset_ids")), r.getDouble("min_score"), set(r.getArrayOfStrings("kinds")),
        set(r.getArrayOfStrings("marketplaces")), set(r.getArrayOfStrings("jurisdictions")), events,
        r.getString("channel"), endpoint == null ? null : endpoint.toString());
  }

  private static Set<String> set(String[] values) {
    return values == null ? Set.of() : new LinkedHashSet<>(List.of(values));
  }
}
