package ipwatch.casework.webhooks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Tells an endpoint's owner that a delivery was dead-lettered after the whole retry schedule (Standard Webhooks
 * suggests both steps): the endpoint is marked failing (shown by {@code GET /api/webhooks/endpoints[/{id}]} until the
 * next 2xx) and a {@code webhook.failing} event reaches the owner's {@code GET /api/events} stream. The endpoint stays
 * enabled: later messages are still tried, and the dead letter can be replayed once the receiver is fixed.
 */
final class EndpointFailing {
  private EndpointFailing() {}

  static Future<Void> mark(SqlConnection conn, UUID endpointId, long deliveryId, String msgId, int attempts,
      String error, OffsetDateTime now) {
    String reason = "delivery " + deliveryId + " (" + msgId + ") dead-lettered after " + attempts + " attempts"
        + (error == null ? "" : ": " + error);
    JsonObject data = new JsonObject().put("endpointId", endpointId.toString())
        .put("deliveryId", String.valueOf(deliveryId)).put("webhookId", msgId).put("attempts", attempts)
        .put("lastError", error).put("at", now.toInstant().toString())
        .put("replay", "/api/webhooks/deliveries/" + deliveryId + "/replay");
    return conn.preparedQuery("UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $2),"
            + " failing_reason = $3 WHERE id = $1 RETURNING org_id")
        .execute(Tuple.of(endpointId, now, reason))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture()
            : conn.preparedQuery("INSERT INTO party_events (event, org_id, data) VALUES ('webhook.failing', $1, $2)")
                .execute(Tuple.of(rows.iterator().next().getString(0), data)))
        .mapEmpty();
  }
}
