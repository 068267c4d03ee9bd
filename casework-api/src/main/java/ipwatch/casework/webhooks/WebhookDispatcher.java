package ipwatch.casework.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@code webhook} outbox rows as Standard Webhooks, at least once.
 *
 * <p>Each round: (1) fan-out — outbox rows not yet taken become one {@code webhook_deliveries} row per enabled
 * endpoint of the target organisation (the platform of the row's marketplace), with a fixed {@code webhook-id} and
 * the exact body; (2) claim — due deliveries are leased ({@code FOR UPDATE SKIP LOCKED} picks them, the lease is
 * committed before sending, so several dispatchers never hold the same row and no transaction stays open during
 * HTTP); (3) send — the URL is re-resolved and re-checked against {@link TargetGuard} and the connection goes to the
 * checked address, with a fresh timestamp and signature (one per active secret), no redirects, a timeout;
 * (4) mark — fenced by the attempt number, so a dispatcher whose lease ran out cannot overwrite a later attempt.
 *
 * <p>2xx delivers; 410 disables the endpoint; anything else (3xx included) is retried after the configured schedule
 * with ±jitter, or after Retry-After on 429/503 when that is longer (capped at the longest step); after the last step
 * the delivery is dead-lettered until replayed. A dispatcher that dies between the receiver's 2xx and the mark leaves
 * the lease to expire and the message is sent again with the same webhook-id: the receiver de-duplicates.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int FAN_OUT_BATCH = 200;

  /** Test hook run after the receiver answered and before the outcome is recorded; throwing simulates a crash. */
  public interface AfterSend {
    void run(long deliveryId, int status) throws Exception;
  }

  private final Vertx vertx;
  private final Pool pool;
  private final CaseworkSettings.Webhooks settings;
  private final TargetGuard guard;
  private final Clock clock;
  private final HttpClientAgent client;
  private volatile AfterSend afterSend = (id, status) -> {};
  private ScheduledExecutorService loop;

  public WebhookDispatcher(Vertx vertx, Pool pool, CaseworkSettings.Webhooks settings, TargetGuard guard,
      Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.settings = settings;
    this.guard = guard;
    this.clock = clock;
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis());
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout(timeoutMs)
        .setKeepAlive(true)
        .setForceSni(true)
        .setMaxRedirects(0), new PoolOptions().setHttp1MaxSize(64));
  }

  public WebhookDispatcher afterSend(AfterSend hook) {
    this.afterSend = hook;
    return this;
  }

  public WebhookDispatcher start() {
    loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "casework-webhook-dispatcher");
      t.setDaemon(true);
      return t;
    });
    loop.scheduleWithFixedDelay(() -> {
      try {
        while (dispatchOnce() >= settings.batchSize()) {
          // a full batch: more may be due right now
        }
      } catch (RuntimeException e) {
        LOG.warn("webhook dispatch round failed: {}", e.getMessage());
      }
    }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * One round (blocking; not on an event loop): fan-out, claim, send, mark. Answers the attempts made. The outcomes
   * of a round are recorded in one transaction (one commit, not one per delivery: with durable commits the commit is
   * what bounds throughput); each row is still fenced by its attempt number.
   */
  public int dispatchOnce() {
    await(fanOut());
    List<Claimed> claimed = await(claim());
    List<Future<Sent>> sends = new ArrayList<>();
    for (Claimed c : claimed) {
      sends.add(send(c).map(outcome -> {
        try {
          afterSend.run(c.id, outcome.status);
        } catch (Exception e) {
          LOG.warn("delivery {} not recorded (simulated crash): {}", c.id, e.getMessage());
          return null;
        }
        return new Sent(c, outcome);
      }));
    }
    await(Future.join(sends));
    List<Sent> done = new ArrayList<>();
    sends.forEach(f -> {
      if (f.succeeded() && f.result() != null) {
        done.add(f.result());
      }
    });
    // one lock order for endpoint rows across dispatchers (a 410 or a failing mark updates the endpoint)
    done.sort(java.util.Comparator.comparing((Sent x) -> x.claimed.endpointId).thenComparingLong(x -> x.claimed.id));
    if (!done.isEmpty()) {
      await(pool.withTransaction(conn -> {
        // the common case, 2xx, in two batched statements; everything else row by row
        Future<Void> chain = markDelivered(conn, done.stream().filter(x -> x.outcome.delivered()).toList());
        for (Sent x : done) {
          if (!x.outcome.delivered()) {
            chain = chain.compose(v -> mark(conn, x.claimed, x.outcome));
          }
        }
        return chain;
      }).recover(e -> {
        // the leases run out and the deliveries are sent again with the same webhook-id (receivers de-duplicate)
        LOG.warn("{} delivery outcomes could not be recorded: {}", done.size(), e.getMessage());
        return Future.succeededFuture();
      }));
    }
    return claimed.size();
  }

  private record Sent(Claimed claimed, Outcome outcome) {}

  private Future<Void> markDelivered(io.vertx.sqlclient.SqlConnection conn, List<Sent> delivered) {
    if (delivered.isEmpty()) {
      return Future.succeededFuture();
    }
    OffsetDateTime now = now();
    List<Tuple> attempts = new ArrayList<>();
    List<Tuple> marks = new ArrayList<>();
    Set<UUID> endpoints = new HashSet<>();
    for (Sent x : delivered) {
      attempts.add(Tuple.of(x.claimed.id, x.claimed.attempts, now, x.outcome.status,
          (int) Math.min(Integer.MAX_VALUE, x.outcome.millis)));
      marks.add(Tuple.of(x.claimed.id, x.claimed.attempts, now, x.outcome.status));
      endpoints.add(x.claimed.endpointId);
    }
    return conn.preparedQuery("INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status,"
            + " duration_ms) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING").executeBatch(attempts)
        .compose(v -> conn.preparedQuery("UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = $3,"
            + " lease_until = NULL, last_status = $4, last_error = NULL"
            + " WHERE id = $1 AND attempts = $2 AND status = 'PENDING'").executeBatch(marks))
        .compose(v -> conn.preparedQuery("UPDATE webhook_endpoints SET failing_since = NULL, failing_reason = NULL"
            + " WHERE id = ANY($1) AND failing_since IS NOT NULL")
            .execute(Tuple.tuple().addArrayOfUUID(endpoints.toArray(UUID[]::new))))
        .mapEmpty();
  }

  private record Claimed(long id, String msgId, UUID endpointId, String url, byte[] body, int attempts, int round,
      List<String> secrets) {}

  private record Outcome(int status, String error, Optional<Duration> retryAfter, long millis) {
    boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  /** Outbox rows → one delivery per enabled endpoint of the target; rows without an endpoint are marked taken. */
  Future<Integer> fanOut() {
    OffsetDateTime now = now();
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id, msg_key, target_org, target_endpoint,"
            + " event_type, payload, created_at FROM outbox WHERE channel = 'webhook' AND published_at IS NULL AND dead_at IS NULL"
            + " ORDER BY id LIMIT " + FAN_OUT_BATCH + " FOR UPDATE SKIP LOCKED").execute()
        .compose(rows -> {
          List<Row> taken = new ArrayList<>();
          rows.forEach(taken::add);
          if (taken.isEmpty()) {
            return Future.succeededFuture(0);
          }
          Set<String> orgs = new HashSet<>();
          Set<String> markets = new HashSet<>();
          for (Row r : taken) {
            if (r.getString("target_org") != null) {
              orgs.add(r.getString("target_org"));
            } else if (r.getString("msg_key") != null) {
              markets.add(r.getString("msg_key"));
            }
          }
          return conn.preparedQuery("SELECT e.id, o.id AS org, o.marketplace FROM webhook_endpoints e"
                  + " JOIN organisations o ON o.id = e.org_id WHERE e.enabled AND (o.id = ANY($1)"
                  + " OR (o.role = 'PLATFORM' AND o.marketplace = ANY($2)))")
              .execute(Tuple.tuple().addArrayOfString(orgs.toArray(String[]::new))
                  .addArrayOfString(markets.toArray(String[]::new)))
              .compose(endpoints -> {
                List<Tuple> inserts = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                for (Row r : taken) {
                  ids.add(r.getLong("id"));
                  String body = body(r).encode();
                  for (Row e : endpoints) {
                    UUID only = r.getUUID("target_endpoint");
                    boolean target = r.getString("target_org") != null
                        ? r.getString("target_org").equals(e.getString("org"))
                            && (only == null || only.equals(e.getUUID("id")))
                        : r.getString("msg_key") != null && r.getString("msg_key").equals(e.getString("marketplace"));
                    if (target) {
                      inserts.add(Tuple.of("msg_" + UUID.randomUUID().toString().replace("-", ""), r.getLong("id"),
                          e.getUUID("id"), r.getString("event_type"), body, now));
                    }
                  }
                }
                Future<?> ins = inserts.isEmpty() ? Future.succeededFuture()
                    : conn.preparedQuery("INSERT INTO webhook_deliveries (msg_id, outbox_id, endpoint_id, event_type,"
                            + " body, status, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'PENDING', $6,"
                            + " $6) ON CONFLICT (outbox_id, endpoint_id) DO NOTHING").executeBatch(inserts);
                return ins.compose(v -> conn.preparedQuery("UPDATE outbox SET published_at = $2,"
                        + " attempts = attempts + 1, last_error = CASE WHEN $3 THEN 'no enabled endpoint' END"
                        + " WHERE id = ANY($1)")
                    .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)).addOffsetDateTime(now)
                        .addBoolean(inserts.isEmpty())))
                    .map(inserts.size());
              });
        }));
  }

  /**
   * The message sent: Standard Webhooks' {type, timestamp, data}. A thin payload by design: ids and a link; the
   * receiver fetches the full notice through the authenticated API, where its access is checked and audited.
   */
  private JsonObject body(Row r) {
    JsonObject stored = (JsonObject) r.getValue("payload");
    JsonObject data = stored == null ? new JsonObject() : stored.getJsonObject("data", new JsonObject()).copy();
    String caseId = data.getString("caseId");
    if (caseId != null && "takedown_notice.created".equals(r.getString("event_type"))) {
      data.put("noticeId", caseId);
      data.put("url", settings.publicBaseUrl() + "/api/cases/" + caseId + "/notice");
    }
    return new JsonObject().put("type", r.getString("event_type"))
        .put("timestamp", r.getOffsetDateTime("created_at").toInstant().toString())
        .put("data", data);
  }

  Future<List<Claimed>> claim() {
    OffsetDateTime now = now();
    OffsetDateTime lease = now.plus(settings.lease());
    return pool.withTransaction(conn -> conn.preparedQuery("UPDATE webhook_deliveries d SET lease_until = $2,"
            + " attempts = d.attempts + 1, round_attempts = d.round_attempts + 1"
            + " FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND d.id IN ("
            + "  SELECT d2.id FROM webhook_deliveries d2 JOIN webhook_endpoints e2 ON e2.id = d2.endpoint_id"
            + "  WHERE e2.enabled AND d2.status = 'PENDING' AND d2.next_attempt_at <= $1"
            + "  AND (d2.lease_until IS NULL OR d2.lease_until <= $1)"
            + "  ORDER BY d2.next_attempt_at, d2.id LIMIT $3 FOR UPDATE OF d2 SKIP LOCKED)"
            + " RETURNING d.id, d.msg_id, d.endpoint_id, d.body, d.attempts, d.round_attempts, e.url")
        .execute(Tuple.of(now, lease, settings.batchSize()))
        .compose(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          if (list.isEmpty()) {
            return Future.succeededFuture(List.<Claimed>of());
          }
          Set<UUID> endpoints = new HashSet<>();
          list.forEach(r -> endpoints.add(r.getUUID("endpoint_id")));
          return conn.preparedQuery("SELECT endpoint_id, secret FROM webhook_secrets WHERE endpoint_id = ANY($1)"
                  + " AND (expires_at IS NULL OR expires_at > $2) ORDER BY created_at DESC, id")
              .execute(Tuple.tuple().addArrayOfUUID(endpoints.toArray(UUID[]::new)).addOffsetDateTime(now))
              .map(secretRows -> {
                Map<UUID, List<String>> secrets = new HashMap<>();
                secretRows.forEach(s -> secrets.computeIfAbsent(s.getUUID(0), k -> new ArrayList<>())
                    .add(s.getString(1)));
                List<Claimed> out = new ArrayList<>();
                for (Row r : list) {
                  out.add(new Claimed(r.getLong("id"), r.getString("msg_id"), r.getUUID("endpoint_id"),
                      r.getString("url"), r.getString("body").getBytes(StandardCharsets.UTF_8),
                      r.getInteger("attempts"), r.getInteger("round_attempts"),
                      secrets.getOrDefault(r.getUUID("endpoint_id"), List.of())));
                }
                return out;
              });
        }));
  }

  private Future<Outcome> send(Claimed c) {
    long started = System.nanoTime();
    if (c.secrets.isEmpty()) {
      return Future.succeededFuture(new Outcome(0, "endpoint has no active secret", Optional.empty(), 0));
    }
    return vertx.<TargetGuard.Target>executeBlocking(() -> guard.check(c.url), false)
        .compose(target -> {
          long ts = clock.instant().getEpochSecond();
          RequestOptions req = new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
              .setHost(target.hostHeader())
              .setPort(target.port())
              .setSsl(target.ssl())
              .setURI(target.pathAndQuery())
              .setFollowRedirects(false)
              .setIdleTimeout(settings.requestTimeout().toMillis())
              .putHeader("content-type", "application/json")
              .putHeader("user-agent", "IPWatch-Webhooks/1")
              .putHeader(WebhookSignature.HEADER_ID, c.msgId)
              .putHeader(WebhookSignature.HEADER_TIMESTAMP, Long.toString(ts))
              .putHeader(WebhookSignature.HEADER_SIGNATURE, WebhookSignature.header(c.secrets, c.msgId, ts, c.body));
          return client.request(req)
              .compose(r -> r.send(Buffer.buffer(c.body)))
              .compose(resp -> resp.body().otherwiseEmpty().map(ignored -> new Outcome(resp.statusCode(),
                  resp.statusCode() / 100 == 2 ? null : "HTTP " + resp.statusCode(),
                  retryAfter(resp.getHeader("retry-after")), elapsed(started))))
              .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        })
        .recover(e -> Future.succeededFuture(new Outcome(0, e instanceof TargetGuard.Refused
            ? "target refused: " + e.getMessage() : describe(e), Optional.empty(), elapsed(started))));
  }

  private static String describe(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.length() > 500 ? m.substring(0, 500) : m;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Delta seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
  static Optional<Duration> retryAfter(String v) {
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      long s = Long.parseLong(v.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(Duration.between(Instant.now(), at)).filter(d -> !d.isNegative());
      } catch (RuntimeException bad) {
        return Optional.empty();
      }
    }
  }

  /** The delay before the next attempt after {@code round} failed ones, or empty when the schedule is exhausted. */
  Optional<Duration> nextDelay(int round, int status, Optional<Duration> retryAfter) {
    List<Duration> schedule = settings.retrySchedule();
    if (round > schedule.size()) {
      return Optional.empty();
    }
    Duration step = schedule.get(round - 1);
    double factor = 1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    Duration delay = Duration.ofMillis(Math.max(1, Math.round(step.toMillis() * factor)));
    if ((status == 429 || status == 503) && retryAfter.isPresent()) {
      Duration longest = schedule.stream().max(Duration::compareTo).orElse(step);
      Duration asked = retryAfter.get().compareTo(longest) > 0 ? longest : retryAfter.get();
      if (asked.compareTo(delay) > 0) {
        delay = asked;
      }
    }
    return Optional.of(delay);
  }

  private Future<Void> mark(io.vertx.sqlclient.SqlConnection conn, Claimed c, Outcome o) {
    OffsetDateTime now = now();
    String error = o.error == null ? null : o.error.length() > 1000 ? o.error.substring(0, 1000) : o.error;
    Integer status = o.status == 0 ? null : o.status;
    {
      Future<?> attempt = conn.preparedQuery("INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at,"
              + " status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING")
          .execute(Tuple.of(c.id, c.attempts, now, status, error, (int) Math.min(Integer.MAX_VALUE, o.millis)));
      if (o.delivered()) {
        return attempt.compose(v -> conn.preparedQuery("UPDATE webhook_deliveries SET status = 'DELIVERED',"
                + " delivered_at = $3, lease_until = NULL, last_status = $4, last_error = NULL"
                + " WHERE id = $1 AND attempts = $2 AND status = 'PENDING'")
            .execute(Tuple.of(c.id, c.attempts, now, status)))
            .compose(v -> conn.preparedQuery("UPDATE webhook_endpoints SET failing_since = NULL, failing_reason = NULL"
                + " WHERE id = $1 AND failing_since IS NOT NULL").execute(Tuple.of(c.endpointId)))
            .mapEmpty();
      }
      if (o.status == 410) {
        LOG.warn("endpoint {} answered 410 Gone: disabled", c.endpointId);
        return attempt.compose(v -> conn.preparedQuery("UPDATE webhook_endpoints SET enabled = false,"
                + " disabled_reason = $2, updated_at = $3 WHERE id = $1")
            .execute(Tuple.of(c.endpointId, "the receiver answered 410 Gone at " + now.toInstant(), now)))
            .compose(v -> dead(conn, c, now, status, "HTTP 410: endpoint disabled")).mapEmpty();
      }
      Optional<Duration> next = nextDelay(c.round, o.status, o.retryAfter);
      if (next.isEmpty()) {
        LOG.warn("delivery {} ({}) dead-lettered after {} attempts: {}", c.id, c.msgId, c.round, error);
        return attempt.compose(v -> dead(conn, c, now, status, error))
            .compose(v -> EndpointFailing.mark(conn, c.endpointId, c.id, c.msgId, c.round, error, now))
            .mapEmpty();
      }
      return attempt.compose(v -> conn.preparedQuery("UPDATE webhook_deliveries SET next_attempt_at = $3,"
              + " lease_until = NULL, last_status = $4, last_error = $5"
              + " WHERE id = $1 AND attempts = $2 AND status = 'PENDING'")
          .execute(Tuple.of(c.id, c.attempts, now.plus(next.get()), status, error))).mapEmpty();
    }
  }

  private static Future<?> dead(io.vertx.sqlclient.SqlConnection conn, Claimed c, OffsetDateTime now, Integer status,
      String error) {
    return conn.preparedQuery("UPDATE webhook_deliveries SET status = 'DEAD', dead_at = $3, lease_until = NULL,"
            + " last_status = $4, last_error = $5 WHERE id = $1 AND attempts = $2 AND status = 'PENDING'")
        .execute(Tuple.of(c.id, c.attempts, now, status, error));
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("dispatch round timed out", e);
    }
  }

  @Override
  public void close() {
    if (loop != null) {
      loop.shutdownNow();
      try {
        loop.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.close();
  }
}
