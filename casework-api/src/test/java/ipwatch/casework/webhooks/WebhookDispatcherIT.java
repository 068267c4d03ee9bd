package ipwatch.casework.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.Role;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against a real receiver on 127.0.0.1, with the fixture's hand-moved clock so three days of retries
 * pass in milliseconds (W3-W6 of notes/reliability.md B4). Each test has its own platform and marketplace.
 */
class WebhookDispatcherIT {
  private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
      Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
      Duration.ofHours(20), Duration.ofHours(24));
  private static final AtomicInteger PLATFORMS = new AtomicInteger();
  private static CaseworkFixture f;
  private static CaseworkSettings.Webhooks settings;
  private TestReceiver receiver;
  private WebhookDispatcher dispatcher;
  private String org;
  private String market;
  private String secret;
  private UUID endpoint;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture(Map.of("webhooks.allowPrivateTargets", "true"));
    settings = new CaseworkSettings.Webhooks(false, true, Duration.ofMillis(50), Duration.ofSeconds(2), SCHEDULE,
        0.2, Duration.ofSeconds(60), 100, "https://ipwatch.example", Duration.ofHours(24));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void platform() {
    int n = PLATFORMS.incrementAndGet();
    org = "org-wh-" + n;
    market = "wh-market-" + n;
    Await.result(new Organisations(f.pool).upsert(new Organisation(org, "Platform " + n, Role.PLATFORM, market,
        List.of())));
    receiver = new TestReceiver(f.clock);
    JsonObject e = Await.result(endpoints().register(caller(), receiver.url("/hook"), "test"));
    secret = e.getString("secret");
    endpoint = UUID.fromString(e.getString("id"));
    receiver.secrets(List.of(secret));
    dispatcher = new WebhookDispatcher(f.vertx, f.pool, settings, new TargetGuard(true), f.clock);
  }

  @AfterEach
  void close() {
    // what this test left pending must not be picked up by the next one
    Await.result(f.pool.preparedQuery("UPDATE webhook_endpoints SET enabled = false WHERE id = $1")
        .execute(Tuple.of(endpoint)));
    dispatcher.close();
    receiver.close();
  }

  private WebhookEndpoints endpoints() {
    return new WebhookEndpoints(f.vertx, f.pool, new TargetGuard(true), f.clock, Duration.ofHours(24));
  }

  private Caller caller() {
    return new Caller("user-" + org, new Organisation(org, "Platform", Role.PLATFORM, market, List.of()));
  }

  /** A takedown_notice.created row as the workflow writes it. */
  private String notice() {
    String caseId = UUID.randomUUID().toString();
    JsonObject thin = new JsonObject().put("type", "takedown_notice.created")
        .put("data", new JsonObject().put("caseId", caseId).put("marketplace", market));
    Await.result(f.pool.preparedQuery("INSERT INTO outbox (channel, event_type, msg_key, payload)"
        + " VALUES ('webhook', 'takedown_notice.created', $1, $2)").execute(Tuple.of(market, thin)));
    return caseId;
  }

  private List<Row> deliveries() {
    List<Row> out = new ArrayList<>();
    Await.result(f.pool.preparedQuery("SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY id")
        .execute(Tuple.of(endpoint))).forEach(out::add);
    return out;
  }

  private Row delivery() {
    List<Row> all = deliveries();
    assertEquals(1, all.size());
    return all.get(0);
  }

  private Instant nextAttempt() {
    return delivery().getOffsetDateTime("next_attempt_at").toInstant();
  }

  private static void within(Duration step, Instant from, Instant next, double jitter) {
    long d = Duration.between(from, next).toMillis();
    assertTrue(d >= step.toMillis() * (1 - jitter) - 1 && d <= step.toMillis() * (1 + jitter) + 1,
        "delay " + d + " ms not within " + step + " ±" + jitter);
  }

  @Test
  void failuresAreRetriedOnTheScheduleWithTheSameWebhookIdAndRetryAfterIsHonoured() {
    receiver.script(n -> switch (n) {
      case 1, 2 -> TestReceiver.Answer.of(500);
      case 3 -> new TestReceiver.Answer(503, Map.of("Retry-After", "3600"));
      default -> TestReceiver.Answer.of(200);
    });
    String caseId = notice();
    Instant t0 = f.clock.instant();
    assertEquals(1, dispatcher.dispatchOnce());
    within(SCHEDULE.get(0), t0, nextAttempt(), 0.2);

    for (int attempt = 2; attempt <= 4; attempt++) {
      Instant next = nextAttempt();
      f.clock.set(next.minusMillis(500));
      assertEquals(0, dispatcher.dispatchOnce(), "nothing is due before the scheduled time");
      f.clock.set(next);
      assertEquals(1, dispatcher.dispatchOnce());
      if (attempt == 2) {
        within(SCHEDULE.get(1), next, nextAttempt(), 0.2);
      } else if (attempt == 3) {
        // Retry-After: 3600 s is longer than the 30 min (+20 %) step, so it wins
        assertEquals(Duration.ofHours(1), Duration.between(next, nextAttempt()));
      }
    }
    Row d = delivery();
    assertEquals("DELIVERED", d.getString("status"));
    assertEquals(4, receiver.received.size());
    Set<String> ids = new HashSet<>();
    Set<Long> timestamps = new HashSet<>();
    Set<String> signatures = new HashSet<>();
    for (var r : receiver.received) {
      ids.add(r.id());
      timestamps.add(r.timestamp());
      signatures.add(r.signature());
      assertTrue(r.verified(), "signature verifies with the endpoint's secret");
      assertEquals(r.at().getEpochSecond(), r.timestamp(), "a fresh timestamp per attempt");
    }
    assertEquals(Set.of(d.getString("msg_id")), ids, "one webhook-id across retries");
    assertEquals(4, timestamps.size());
    assertEquals(4, signatures.size());
    assertEquals(1, new HashSet<>(receiver.received.stream().map(TestReceiver.Received::body).toList()).size(),
        "the same bytes every time");
    JsonObject body = new JsonObject(receiver.received.get(0).body());
    assertEquals("takedown_notice.created", body.getString("type"));
    assertEquals(caseId, body.getJsonObject("data").getString("noticeId"));
    assertEquals("https://ipwatch.example/api/cases/" + caseId + "/notice",
        body.getJsonObject("data").getString("url"));
    List<Integer> statuses = new ArrayList<>();
    Await.result(f.pool.preparedQuery("SELECT status FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt")
        .execute(Tuple.of(d.getLong("id")))).forEach(r -> statuses.add(r.getInteger(0)));
    assertEquals(List.of(500, 500, 503, 200), statuses);
  }

  @Test
  void goneDisablesTheEndpointAndNothingMoreIsSent() {
    receiver.script(n -> TestReceiver.Answer.of(410));
    notice();
    assertEquals(1, dispatcher.dispatchOnce());
    assertEquals("DEAD", delivery().getString("status"));
    JsonObject e = Await.result(endpoints().get(caller(), endpoint)).orElseThrow();
    assertFalse(e.getBoolean("enabled"));
    assertTrue(e.getString("disabledReason").contains("410"));
    notice();
    f.clock.advance(Duration.ofDays(1));
    dispatcher.dispatchOnce();
    assertEquals(1, receiver.received.size());
  }

  @Test
  void aRedirectIsAFailureAndIsNotFollowed() {
    receiver.script(n -> new TestReceiver.Answer(302, Map.of("Location", receiver.url("/elsewhere"))));
    notice();
    assertEquals(1, dispatcher.dispatchOnce());
    Row d = delivery();
    assertEquals("PENDING", d.getString("status"));
    assertEquals(302, d.getInteger("last_status"));
    assertEquals(1, receiver.received.size());
    assertEquals("/hook", receiver.received.get(0).path());
  }

  @Test
  void tooManyRequestsIsRetriedAfterRetryAfter() {
    receiver.script(n -> n == 1 ? new TestReceiver.Answer(429, Map.of("Retry-After", "120"))
        : TestReceiver.Answer.of(200));
    notice();
    Instant t0 = f.clock.instant();
    dispatcher.dispatchOnce();
    assertEquals(Duration.ofSeconds(120), Duration.between(t0, nextAttempt()));
  }

  @Test
  void afterTheWholeScheduleTheDeliveryIsDeadAndAReplayThroughTheApiDeliversIt() {
    receiver.script(n -> TestReceiver.Answer.of(500));
    notice();
    Instant first = f.clock.instant();
    int attempts = dispatcher.dispatchOnce();
    while (!"DEAD".equals(delivery().getString("status"))) {
      f.clock.set(nextAttempt());
      attempts += dispatcher.dispatchOnce();
      assertTrue(attempts <= SCHEDULE.size() + 1);
    }
    assertEquals(SCHEDULE.size() + 1, attempts);
    Duration total = Duration.between(first, receiver.received.get(receiver.received.size() - 1).at());
    Duration planned = SCHEDULE.stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(total.compareTo(planned.multipliedBy(8).dividedBy(10)) >= 0
        && total.compareTo(planned.multipliedBy(12).dividedBy(10)) <= 0, "about 3 days: " + total);
    f.clock.advance(Duration.ofDays(2));
    assertEquals(0, dispatcher.dispatchOnce(), "a dead letter is not retried by itself");

    receiver.script(n -> TestReceiver.Answer.of(200));
    String token = TestTokens.hs256(TestTokens.claims(org, "PLATFORM", 3600), TestTokens.SECRET);
    JsonObject dead = TestApi.json(f.api.get("/api/webhooks/endpoints/" + endpoint + "/deliveries?status=DEAD", token),
        200).getJsonArray("items").getJsonObject(0);
    assertEquals(10, dead.getJsonArray("attemptLog").size());
    JsonObject replay = TestApi.json(f.api.post("/api/webhooks/deliveries/" + dead.getString("id") + "/replay", token,
        new JsonObject()), 202);
    assertEquals(dead.getString("webhookId"), replay.getString("webhookId"));
    assertEquals(1, dispatcher.dispatchOnce());
    assertEquals("DELIVERED", delivery().getString("status"));
    assertEquals(dead.getString("webhookId"), receiver.received.get(receiver.received.size() - 1).id());
    assertEquals(1, receiver.processed.size());
    // a delivered message cannot be replayed
    assertEquals(409, f.api.post("/api/webhooks/deliveries/" + dead.getString("id") + "/replay", token,
        new JsonObject()).statusCode());
  }

  @Test
  void receiverDownThenUpEveryNoticeArrivesAndEachIsProcessedOnce() {
    int port = receiver.port();
    receiver.stop();
    for (int i = 0; i < 20; i++) {
      notice();
    }
    assertEquals(20, dispatcher.dispatchOnce());
    assertTrue(deliveries().stream().allMatch(d -> "PENDING".equals(d.getString("status"))
        && d.getString("last_error") != null));
    receiver.start(port);
    f.clock.advance(Duration.ofSeconds(7));
    assertEquals(20, dispatcher.dispatchOnce());
    assertTrue(deliveries().stream().allMatch(d -> "DELIVERED".equals(d.getString("status"))));
    assertEquals(20, receiver.processed.size());
    assertEquals(0, receiver.duplicates.get());
  }

  /**
   * Fault drill 5 (docs/reliability.md): the receiver is down for a day and a half of compressed clock while notices
   * keep coming; the dispatcher runs every simulated 10 minutes. When it is back, every notice arrives, each webhook-id
   * is processed once, and nothing was dead-lettered (the schedule spans about three days).
   */
  @Test
  void aReceiverDownForADayAndAHalfGetsEveryNoticeOnceWhenItIsBack() {
    int port = receiver.port();
    receiver.stop();
    int sent = 0;
    int rounds = 0;
    for (Duration down = Duration.ZERO; down.compareTo(Duration.ofHours(36)) < 0;
        down = down.plus(Duration.ofMinutes(10))) {
      if (rounds % 12 == 0) {
        notice(); // one new notice every two hours of the outage
        sent++;
      }
      dispatcher.dispatchOnce();
      f.clock.advance(Duration.ofMinutes(10));
      rounds++;
    }
    assertTrue(deliveries().stream().noneMatch(d -> "DEAD".equals(d.getString("status"))), "none given up");
    receiver.start(port);
    for (int i = 0; i < 24 * 6 && receiver.processed.size() < sent; i++) {
      f.clock.advance(Duration.ofMinutes(10)); // the longest pending back-off step is still ahead of some
      dispatcher.dispatchOnce();
    }
    System.out.printf("[drill 5] receiver down 36 h (compressed, %d dispatch rounds): %d notices sent, %d delivered, "
        + "%d duplicates at the receiver%n", rounds, sent, receiver.processed.size(), receiver.duplicates.get());
    assertEquals(sent, receiver.processed.size(), "every notice arrived");
    assertEquals(0, receiver.duplicates.get(), "each webhook-id processed once");
    assertTrue(deliveries().stream().allMatch(d -> "DELIVERED".equals(d.getString("status"))));
  }

  @Test
  void aDispatcherKilledBetweenSendAndMarkIsRedeliveredAndTheReceiverDeduplicates() {
    AtomicBoolean crashOnce = new AtomicBoolean(true);
    dispatcher.afterSend((id, status) -> {
      if (crashOnce.getAndSet(false)) {
        throw new IllegalStateException("killed after the receiver's 200");
      }
    });
    notice();
    assertEquals(1, dispatcher.dispatchOnce());
    assertEquals("PENDING", delivery().getString("status"));
    assertEquals(0, dispatcher.dispatchOnce(), "the lease is still held by the dead dispatcher");
    f.clock.advance(Duration.ofSeconds(61));
    WebhookDispatcher other = new WebhookDispatcher(f.vertx, f.pool, settings, new TargetGuard(true), f.clock);
    try {
      assertEquals(1, other.dispatchOnce());
    } finally {
      other.close();
    }
    assertEquals("DELIVERED", delivery().getString("status"));
    assertEquals(2, receiver.received.size());
    assertEquals(receiver.received.get(0).id(), receiver.received.get(1).id());
    assertEquals(1, receiver.processed.size());
    assertEquals(1, receiver.duplicates.get());
  }

  @Test
  void twoDispatchersOnOneDatabaseNeverSendTheSameMessageTwice() throws Exception {
    for (int i = 0; i < 150; i++) {
      notice();
    }
    Pool second = f.db.pool(f.vertx);
    WebhookDispatcher a = new WebhookDispatcher(f.vertx, f.pool,
        new CaseworkSettings.Webhooks(false, true, Duration.ofMillis(50), Duration.ofSeconds(2), SCHEDULE, 0.2,
            Duration.ofSeconds(60), 10, "https://ipwatch.example", Duration.ofHours(24)), new TargetGuard(true),
        f.clock);
    WebhookDispatcher b = new WebhookDispatcher(f.vertx, second,
        new CaseworkSettings.Webhooks(false, true, Duration.ofMillis(50), Duration.ofSeconds(2), SCHEDULE, 0.2,
            Duration.ofSeconds(60), 10, "https://ipwatch.example", Duration.ofHours(24)), new TargetGuard(true),
        f.clock);
    AtomicInteger sentA = new AtomicInteger();
    AtomicInteger sentB = new AtomicInteger();
    Thread ta = new Thread(() -> drain(a, sentA));
    Thread tb = new Thread(() -> drain(b, sentB));
    ta.start();
    tb.start();
    ta.join(120_000);
    tb.join(120_000);
    a.close();
    b.close();
    Await.result(second.close());
    assertEquals(150, receiver.received.size(), "sent " + sentA + " + " + sentB);
    assertEquals(150, receiver.processed.size());
    assertEquals(0, receiver.duplicates.get());
    assertTrue(deliveries().stream().allMatch(d -> "DELIVERED".equals(d.getString("status"))
        && d.getInteger("attempts") == 1));
  }

  private void drain(WebhookDispatcher d, AtomicInteger sent) {
    int idle = 0;
    while (idle < 5) {
      int n = d.dispatchOnce();
      sent.addAndGet(n);
      idle = n == 0 ? idle + 1 : 0;
    }
  }

  @Test
  void aTargetThatBecamePrivateIsRefusedAtSendTime() {
    WebhookDispatcher strict = new WebhookDispatcher(f.vertx, f.pool, settings, new TargetGuard(false), f.clock);
    try {
      notice();
      assertEquals(1, strict.dispatchOnce());
    } finally {
      strict.close();
    }
    Row d = delivery();
    assertEquals("PENDING", d.getString("status"));
    assertTrue(d.getString("last_error").startsWith("target refused"), d.getString("last_error"));
    assertNull(d.getInteger("last_status"));
    assertEquals(0, receiver.received.size());
  }

  @Test
  void aNoticeSentThroughTheWorkflowReachesThePlatformWhichFetchesTheFullNoticeAndAnswers() {
    String platform = f.token("platform");
    JsonObject e = TestApi.json(f.api.post("/api/webhooks/endpoints", platform,
        new JsonObject().put("url", receiver.url("/demo"))), 201);
    receiver.secrets(List.of(e.getString("secret")));
    try {
      UUID caseId = f.open("US");
      f.ok("rights-holder", caseId, "confirm", null);
      f.ok("rights-holder", caseId, "send_notice", CaseworkFixture.usNotice());
      dispatcher.dispatchOnce();
      var got = receiver.received.stream().filter(r -> r.path().equals("/demo")).toList();
      assertEquals(1, got.size());
      assertTrue(got.get(0).verified());
      JsonObject data = new JsonObject(got.get(0).body()).getJsonObject("data");
      assertEquals(caseId.toString(), data.getString("noticeId"));
      String path = data.getString("url").substring("https://ipwatch.example".length());
      JsonObject notice = TestApi.json(f.api.get(path, platform), 200);
      assertEquals("Counterfeit goods bearing our mark", notice.getString("explanation"));
      assertEquals("Ann Counsel", notice.getJsonObject("notifier").getString("name"));
      assertEquals("ann@nordvik.example", notice.getJsonObject("notifier").getString("email"));
      assertEquals("Nordvik Outdoor", notice.getJsonObject("notifier").getString("organisation"));
      assertTrue(notice.getString("goodFaithStatement").contains("bona fide"));
      assertEquals(1, notice.getJsonArray("urls").size());
      assertTrue(f.detail("regulator", caseId).encode().contains("NOTICE_READ"), "the platform's read is audited");
      f.ok("platform", caseId, "remove", null);
      assertEquals("REMOVED", f.status(caseId));
    } finally {
      Await.result(f.pool.preparedQuery("UPDATE webhook_endpoints SET enabled = false WHERE id = $1")
          .execute(Tuple.of(UUID.fromString(e.getString("id")))));
    }
  }
}
