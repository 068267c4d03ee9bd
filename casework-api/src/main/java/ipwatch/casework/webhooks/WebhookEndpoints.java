package ipwatch.casework.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.Refusal;
import ipwatch.casework.auth.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation's webhook endpoints: register (URL checked against {@link TargetGuard}), list, change or disable,
 * rotate secrets, list deliveries, replay dead letters. Every query is scoped to the caller's organisation, so another
 * organisation's endpoint or delivery is simply not found (404), exactly like a missing one.
 */
public final class WebhookEndpoints {
  private static final int MAX_ENDPOINTS = 10;
  private final Vertx vertx;
  private final Pool pool;
  private final TargetGuard guard;
  private final Clock clock;
  private final Duration grace;

  public WebhookEndpoints(Vertx vertx, Pool pool, TargetGuard guard, Clock clock, Duration grace) {
    this.vertx = vertx;
    this.pool = pool;
    this.guard = guard;
    this.clock = clock;
    this.grace = grace;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Resolves and checks a URL off the event loop (DNS blocks); a refused URL is a 400 naming the reason. */
  private Future<String> checked(String url) {
    return vertx.executeBlocking(() -> {
      try {
        guard.check(url);
        return url;
      } catch (TargetGuard.Refused e) {
        throw new Refusal(400, "body.url: " + e.getMessage());
      }
    }, false);
  }

  /** Registers an endpoint with its first secret; the secret is shown in this answer only. */
  public Future<JsonObject> register(Caller caller, String url, String description) {
    UUID id = UUID.randomUUID();
    String secret = WebhookSignature.newSecret();
    return checked(url).compose(u -> pool.withTransaction(conn -> conn
        .preparedQuery("SELECT count(*) FROM webhook_endpoints WHERE org_id = $1").execute(Tuple.of(caller.orgId()))
        .compose(n -> {
          if (n.iterator().next().getLong(0) >= MAX_ENDPOINTS) {
            return Future.failedFuture(new Refusal(409, "An organisation may register at most " + MAX_ENDPOINTS
                + " webhook endpoints."));
          }
          return conn.preparedQuery("INSERT INTO webhook_endpoints (id, org_id, url, description, enabled,"
                  + " created_at, updated_at) VALUES ($1, $2, $3, $4, true, $5, $5)")
              .execute(Tuple.of(id, caller.orgId(), u, description, now()));
        })
        .compose(v -> conn.preparedQuery("INSERT INTO webhook_secrets (id, endpoint_id, secret, created_at)"
                + " VALUES ($1, $2, $3, $4)")
            .execute(Tuple.of(UUID.randomUUID(), id, secret, now())))
        .compose(v -> load(conn, caller, id))))
        .map(found -> found.orElseThrow().put("secret", secret));
  }

  public Future<JsonArray> list(Caller caller) {
    return pool.withConnection(conn -> conn.preparedQuery("SELECT id FROM webhook_endpoints WHERE org_id = $1"
            + " ORDER BY created_at, id").execute(Tuple.of(caller.orgId()))
        .compose(rows -> {
          JsonArray out = new JsonArray();
          Future<Void> chain = Future.succeededFuture();
          for (Row r : rows) {
            UUID id = r.getUUID(0);
            chain = chain.compose(v -> load(conn, caller, id).map(e -> {
              e.ifPresent(out::add);
              return null;
            }));
          }
          return chain.map(out);
        }));
  }

  public Future<Optional<JsonObject>> get(Caller caller, UUID id) {
    return pool.withConnection(conn -> load(conn, caller, id));
  }

  /** The endpoint and its secrets' metadata (never the secret itself after creation). */
  private Future<Optional<JsonObject>> load(SqlConnection conn, Caller caller, UUID id) {
    return conn.preparedQuery("SELECT id, url, description, enabled, disabled_reason, created_at, updated_at,"
            + " failing_since, failing_reason FROM webhook_endpoints WHERE id = $1 AND org_id = $2").execute(Tuple.of(id, caller.orgId()))
        .compose(rows -> {
          if (!rows.iterator().hasNext()) {
            return Future.succeededFuture(Optional.empty());
          }
          Row r = rows.iterator().next();
          JsonObject e = new JsonObject().put("id", r.getUUID("id").toString()).put("url", r.getString("url"))
              .put("description", r.getString("description")).put("enabled", r.getBoolean("enabled"))
              .put("disabledReason", r.getString("disabled_reason"))
              // set when a delivery was dead-lettered after the whole retry schedule; cleared by the next 2xx
              .put("failing", r.getOffsetDateTime("failing_since") != null)
              .put("failingSince", r.getOffsetDateTime("failing_since") == null ? null
                  : r.getOffsetDateTime("failing_since").toInstant().toString())
              .put("failingReason", r.getString("failing_reason"))
              .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString())
              .put("updatedAt", r.getOffsetDateTime("updated_at").toInstant().toString());
          return conn.preparedQuery("SELECT id, secret, created_at, expires_at FROM webhook_secrets"
                  + " WHERE endpoint_id = $1 ORDER BY expires_at DESC NULLS FIRST, created_at DESC, id").execute(Tuple.of(id))
              .map(secrets -> {
                JsonArray a = new JsonArray();
                for (Row s : secrets) {
                  OffsetDateTime exp = s.getOffsetDateTime("expires_at");
                  a.add(new JsonObject().put("id", s.getUUID("id").toString())
                      .put("hint", s.getString("secret").substring(0, 10) + "…")
                      .put("createdAt", s.getOffsetDateTime("created_at").toInstant().toString())
                      .put("expiresAt", exp == null ? null : exp.toInstant().toString())
                      .put("active", exp == null || exp.isAfter(now())));
                }
                return Optional.of(e.put("secrets", a));
              });
        });
  }

  /** Changes url, description or enabled; enabling clears the reason it was disabled (e.g. a 410). */
  public Future<Optional<JsonObject>> update(Caller caller, UUID id, JsonObject body) {
    Future<String> url = body.containsKey("url") ? checked(body.getString("url")) : Future.succeededFuture(null);
    return url.compose(u -> pool.withTransaction(conn -> conn.preparedQuery("UPDATE webhook_endpoints SET"
                + " url = COALESCE($3, url),"
                + " description = CASE WHEN $4 THEN $5 ELSE description END,"
                + " enabled = COALESCE($6, enabled),"
                + " disabled_reason = CASE WHEN $6 IS NULL THEN disabled_reason WHEN $6 THEN NULL"
                + "   ELSE 'disabled by the organisation' END,"
                + " updated_at = $7 WHERE id = $1 AND org_id = $2")
            .execute(Tuple.from(new Object[] {id, caller.orgId(), u, body.containsKey("description"),
                body.getString("description"), body.getBoolean("enabled"), now()}))
            .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(Optional.<JsonObject>empty())
                : load(conn, caller, id))));
  }

  /**
   * A new secret that signs from now on; the ones still active keep signing until {@code graceSeconds} (default
   * webhooks.secretGracePeriod; 0 = stop at once) so the receiver can switch without losing a message.
   */
  public Future<Optional<JsonObject>> rotate(Caller caller, UUID id, Optional<Long> graceSeconds) {
    String secret = WebhookSignature.newSecret();
    OffsetDateTime until = now().plus(graceSeconds.map(Duration::ofSeconds).orElse(grace));
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT 1 FROM webhook_endpoints"
            + " WHERE id = $1 AND org_id = $2 FOR UPDATE").execute(Tuple.of(id, caller.orgId()))
        .compose(rows -> {
          if (!rows.iterator().hasNext()) {
            return Future.succeededFuture(Optional.<JsonObject>empty());
          }
          return conn.preparedQuery("UPDATE webhook_secrets SET expires_at = $2 WHERE endpoint_id = $1"
                  + " AND (expires_at IS NULL OR expires_at > $2)").execute(Tuple.of(id, until))
              .compose(v -> conn.preparedQuery("INSERT INTO webhook_secrets (id, endpoint_id, secret, created_at)"
                  + " VALUES ($1, $2, $3, $4)").execute(Tuple.of(UUID.randomUUID(), id, secret, now())))
              .compose(v -> load(conn, caller, id))
              .map(e -> e.map(j -> j.put("secret", secret)));
        }));
  }

  /** The endpoint's latest deliveries (optionally of one status), each with its attempts. */
  public Future<Optional<JsonArray>> deliveries(Caller caller, UUID id, Optional<String> status) {
    return pool.withConnection(conn -> conn.preparedQuery("SELECT 1 FROM webhook_endpoints"
            + " WHERE id = $1 AND org_id = $2").execute(Tuple.of(id, caller.orgId()))
        .compose(found -> !found.iterator().hasNext() ? Future.succeededFuture(Optional.<JsonArray>empty())
            : conn.preparedQuery("SELECT d.id, d.msg_id, d.event_type, d.status, d.attempts, d.next_attempt_at,"
                    + " d.last_status, d.last_error, d.created_at, d.delivered_at, d.dead_at, d.replays,"
                    + " (SELECT coalesce(jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.attempted_at,"
                    + "   'status', a.status, 'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.attempt),"
                    + "   '[]'::jsonb) FROM webhook_attempts a WHERE a.delivery_id = d.id) AS attempt_log"
                    + " FROM webhook_deliveries d WHERE d.endpoint_id = $1 AND ($2::text IS NULL OR d.status = $2)"
                    + " ORDER BY d.id DESC LIMIT 100")
                .execute(Tuple.of(id, status.orElse(null)))
                .map(rows -> Optional.of(deliveryJson(rows)))));
  }

  private static JsonArray deliveryJson(RowSet<Row> rows) {
    JsonArray a = new JsonArray();
    for (Row r : rows) {
      a.add(new JsonObject().put("id", String.valueOf(r.getLong("id"))).put("webhookId", r.getString("msg_id"))
          .put("eventType", r.getString("event_type")).put("status", r.getString("status"))
          .put("attempts", r.getInteger("attempts")).put("replays", r.getInteger("replays"))
          .put("nextAttemptAt", instant(r, "next_attempt_at")).put("lastStatus", r.getInteger("last_status"))
          .put("lastError", r.getString("last_error")).put("createdAt", instant(r, "created_at"))
          .put("deliveredAt", instant(r, "delivered_at")).put("deadAt", instant(r, "dead_at"))
          .put("attemptLog", r.getValue("attempt_log")));
    }
    return a;
  }

  private static String instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant().toString();
  }

  /**
   * Puts a dead letter back in line with the same webhook-id and a fresh retry schedule. 409 when the delivery is not
   * dead or its endpoint is disabled (enable it first); 404 when it is not the caller's.
   */
  public Future<Optional<JsonObject>> replay(Caller caller, long deliveryId) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT d.status, e.enabled FROM webhook_deliveries d"
            + " JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = $1 AND e.org_id = $2 FOR UPDATE OF d")
        .execute(Tuple.of(deliveryId, caller.orgId()))
        .compose(rows -> {
          if (!rows.iterator().hasNext()) {
            return Future.succeededFuture(Optional.<JsonObject>empty());
          }
          Row r = rows.iterator().next();
          if (!"DEAD".equals(r.getString("status"))) {
            return Future.failedFuture(new Refusal(409, "Only a dead-lettered delivery can be replayed; this one is "
                + r.getString("status") + "."));
          }
          if (!r.getBoolean("enabled")) {
            return Future.failedFuture(new Refusal(409, "The endpoint is disabled; enable it before replaying."));
          }
          return conn.preparedQuery("UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0,"
                  + " next_attempt_at = $2, lease_until = NULL, dead_at = NULL, replays = replays + 1"
                  + " WHERE id = $1 RETURNING msg_id").execute(Tuple.of(deliveryId, now()))
              .map(u -> Optional.of(new JsonObject().put("id", String.valueOf(deliveryId))
                  .put("webhookId", u.iterator().next().getString(0)).put("status", "PENDING")));
        }));
  }
}
