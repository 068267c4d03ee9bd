package ipwatch.casework.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.alerts.DeadlineAlerts;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestFlags;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Trademark;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rights-holder alerts end to end on the real database: a flag is ingested, the alert row is written on the same
 * transaction, and the webhook dispatcher delivers it signed to a receiver on 127.0.0.1 (verified with the endpoint's
 * secret). Nordvik (rights-holder) and Lumora (rights-holder-2) each have an endpoint and a receiver.
 */
class AlertDeliveryIT {
  private static final List<Duration> SHORT_SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5));
  private static CaseworkFixture f;
  private static WebhookDispatcher dispatcher;
  private TestReceiver nordvik;
  private TestReceiver lumora;
  private String nordvikEndpoint;
  private String lumoraEndpoint;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture(Map.of("webhooks.allowPrivateTargets", "true"));
    Await.result(new RegistryStore(f.pool).upsert(List.of(new Trademark("tm-lumora", "org-lumora", "LUMORA",
        List.of(9), List.of("US"), List.of(), List.of()))));
    dispatcher = new WebhookDispatcher(f.vertx, f.pool, new CaseworkSettings.Webhooks(false, true,
        Duration.ofMillis(50), Duration.ofSeconds(2), SHORT_SCHEDULE, 0.2, Duration.ofSeconds(60), 100,
        "https://ipwatch.example", Duration.ofHours(24)), new TargetGuard(true), f.clock);
  }

  @AfterAll
  static void stop() {
    dispatcher.close();
    f.close();
  }

  @BeforeEach
  void endpoints() {
    Await.result(f.pool.query("DELETE FROM alert_subscriptions").execute());
    nordvik = new TestReceiver(f.clock);
    lumora = new TestReceiver(f.clock);
    nordvikEndpoint = register("rights-holder", nordvik);
    lumoraEndpoint = register("rights-holder-2", lumora);
  }

  @AfterEach
  void close() {
    Await.result(f.pool.query("UPDATE webhook_endpoints SET enabled = false").execute());
    nordvik.close();
    lumora.close();
  }

  private static String register(String role, TestReceiver receiver) {
    JsonObject e = TestApi.json(f.api.post("/api/webhooks/endpoints", f.token(role),
        new JsonObject().put("url", receiver.url("/alerts"))), 201);
    receiver.secrets(List.of(e.getString("secret")));
    return e.getString("id");
  }

  private static HttpResponse<String> subscribe(String role, JsonObject body) {
    return f.api.post("/api/subscriptions", f.token(role), body);
  }

  private static JsonObject webhook(String endpoint, String... events) {
    return new JsonObject().put("events", new JsonArray(List.of(events))).put("channel", "webhook")
        .put("endpointId", endpoint);
  }

  private static void dispatchAll() {
    while (dispatcher.dispatchOnce() > 0) {
      // until nothing is due
    }
  }

  private static JsonObject body(TestReceiver.Received r) {
    return new JsonObject(r.body());
  }

  @Test
  void aFlagOnASubscribedAssetReachesTheRightsHolderSignedOnItsEndpoint() {
    String sub = TestApi.json(subscribe("rights-holder", webhook(nordvikEndpoint, "CASE_OPENED")
        .put("assetIds", new JsonArray().add("tm-us")).put("minScore", 0.8).put("kinds", new JsonArray()
            .add("BRAND_USE")).put("marketplaces", new JsonArray().add("demo-market"))), 201).getString("id");
    UUID caseId = f.open("US");
    f.open("EU"); // another asset of the same holder: not subscribed
    dispatchAll();

    assertEquals(1, nordvik.received.size());
    TestReceiver.Received r = nordvik.received.get(0);
    assertTrue(r.verified(), "signed with the endpoint's secret");
    assertTrue(r.id().startsWith("msg_"));
    JsonObject b = body(r);
    assertEquals("alert.case_opened", b.getString("type"));
    assertEquals(caseId.toString(), b.getJsonObject("data").getString("caseId"));
    assertEquals(sub, b.getJsonObject("data").getString("subscriptionId"));
    assertEquals("tm-us", b.getJsonObject("data").getString("assetId"));
    assertEquals(0, lumora.received.size());
  }

  @Test
  void aRightsHolderNeverGetsAnAlertOnAnotherHoldersAsset() {
    // Lumora subscribes to everything of its own; Nordvik to its own, as the witness that dispatch ran
    TestApi.json(subscribe("rights-holder-2", webhook(lumoraEndpoint, "CASE_OPENED", "RELISTING",
        "DEADLINE_APPROACHING")), 201);
    TestApi.json(subscribe("rights-holder", webhook(nordvikEndpoint, "CASE_OPENED")), 201);
    f.open("US");
    dispatchAll();
    assertEquals(1, nordvik.received.size());
    assertEquals(0, lumora.received.size());

    // naming another holder's asset or endpoint is refused exactly like naming one that does not exist
    HttpResponse<String> foreignAsset = subscribe("rights-holder-2", webhook(lumoraEndpoint, "CASE_OPENED")
        .put("assetIds", new JsonArray().add("tm-us")));
    HttpResponse<String> missingAsset = subscribe("rights-holder-2", webhook(lumoraEndpoint, "CASE_OPENED")
        .put("assetIds", new JsonArray().add("tm-nobody")));
    assertEquals(400, foreignAsset.statusCode());
    assertEquals(new JsonObject(missingAsset.body()).getString("message"),
        new JsonObject(foreignAsset.body()).getString("message"));
    HttpResponse<String> foreignEndpoint = subscribe("rights-holder-2", webhook(nordvikEndpoint, "CASE_OPENED"));
    HttpResponse<String> missingEndpoint = subscribe("rights-holder-2", webhook(UUID.randomUUID().toString(),
        "CASE_OPENED"));
    assertEquals(400, foreignEndpoint.statusCode());
    assertEquals(new JsonObject(missingEndpoint.body()).getString("message"),
        new JsonObject(foreignEndpoint.body()).getString("message"));
    assertFalse(foreignEndpoint.body().contains(nordvikEndpoint));
  }

  @Test
  void subscriptionsAreIdempotentScopedAndDeletable() {
    JsonObject body = webhook(nordvikEndpoint, "CASE_OPENED", "RELISTING").put("minScore", 0.5);
    JsonObject first = TestApi.json(subscribe("rights-holder", body), 201);
    JsonObject again = TestApi.json(subscribe("rights-holder", webhook(nordvikEndpoint, "RELISTING", "CASE_OPENED")
        .put("minScore", 0.5)), 201);
    assertEquals(first.getString("id"), again.getString("id"));
    assertEquals(1, TestApi.json(f.api.get("/api/subscriptions", f.token("rights-holder")), 200).getInteger("total"));
    String path = "/api/subscriptions/" + first.getString("id");
    assertEquals(404, f.api.get(path, f.token("rights-holder-2")).statusCode());
    assertEquals(404, f.api.call("DELETE", path, f.token("rights-holder-2"), null).statusCode());
    assertEquals(403, f.api.get("/api/subscriptions", f.token("platform")).statusCode());
    assertEquals(400, subscribe("rights-holder", new JsonObject().put("events", new JsonArray().add("CASE_OPENED"))
        .put("channel", "webhook")).statusCode(), "a webhook subscription needs its endpoint");
    assertEquals(400, subscribe("rights-holder", new JsonObject().put("events", new JsonArray().add("CASE_OPENED"))
        .put("channel", "sse").put("owner", "org-lumora")).statusCode(), "mass assignment");
    assertEquals(204, f.api.call("DELETE", path, f.token("rights-holder"), null).statusCode());
    assertEquals(404, f.api.get(path, f.token("rights-holder")).statusCode());
  }

  @Test
  void filtersDecideAndAReplayedFlagAlertsNoMore() {
    TestApi.json(subscribe("rights-holder", webhook(nordvikEndpoint, "CASE_OPENED").put("minScore", 0.95)), 201);
    f.open("US"); // the test flags score 0.91
    dispatchAll();
    assertEquals(0, nordvik.received.size());

    Await.result(f.pool.query("DELETE FROM alert_subscriptions").execute());
    TestApi.json(subscribe("rights-holder", webhook(nordvikEndpoint, "CASE_OPENED")), 201);
    Flag flag = TestFlags.flag("replayed-" + UUID.randomUUID(), "tm-us", "org-nordvik", "demo-market", "NORDVIK x");
    f.ingest(flag);
    f.ingest(flag); // the same flag again (a consumer restart): the case exists, nothing is raised
    dispatchAll();
    assertEquals(1, nordvik.received.size());
  }

  @Test
  void aRelistingFlagRaisesTheRelistingAlert() {
    TestApi.json(subscribe("rights-holder", webhook(nordvikEndpoint, "RELISTING")), 201);
    f.open("US"); // an ordinary flag: CASE_OPENED, not subscribed
    Flag base = TestFlags.flag("relisted-" + UUID.randomUUID(), "tm-us", "org-nordvik", "demo-market", "NORDVIK y");
    Flag relisting = new Flag(base.flagId(), base.listingId(), base.assetId(), base.assetType(), base.owner(),
        FlagKind.RELISTING, 0.97, base.signals(), base.evidence(), base.detectedAt(), "relisting-1", base.listing());
    UUID caseId = f.ingest(relisting);
    dispatchAll();
    assertEquals(1, nordvik.received.size());
    JsonObject b = body(nordvik.received.get(0));
    assertEquals("alert.relisting", b.getString("type"));
    assertEquals(caseId.toString(), b.getJsonObject("data").getString("caseId"));
  }

  @Test
  void anApproachingDeadlineIsAnnouncedOnceOnTheSseChannel() throws Exception {
    TestApi.json(subscribe("rights-holder", new JsonObject().put("events", new JsonArray()
        .add("DEADLINE_APPROACHING")).put("channel", "sse")), 201);
    UUID caseId = f.open("US");
    f.ok("rights-holder", caseId, "confirm", null);
    f.ok("rights-holder", caseId, "send_notice", CaseworkFixture.usNotice());
    f.ok("platform", caseId, "remove", null);
    f.ok("platform", caseId, "counter_notice", CaseworkFixture.usCounterNotice());
    Instant due = Await.result(f.pool.preparedQuery("SELECT due_at FROM case_timers WHERE case_id = $1 AND"
        + " fired_at IS NULL AND cancelled_at IS NULL").execute(Tuple.of(caseId))).iterator().next()
        .getOffsetDateTime(0).toInstant();
    assertEquals(0, alerts(caseId).size(), "not yet within the warning period");
    f.clock.set(due.minus(Duration.ofHours(24)));
    // the server's own scanner runs every 100 ms; a second scan here must not raise it again
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (alerts(caseId).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Await.result(new DeadlineAlerts(f.vertx, f.pool, f.clock, Duration.ofHours(48)).scanOnce());
    List<JsonObject> raised = alerts(caseId);
    assertEquals(1, raised.size());
    JsonObject data = raised.get(0).getJsonObject("data");
    assertEquals("alert.deadline_approaching", raised.get(0).getString("type"));
    assertEquals("RESTORE_WINDOW", data.getJsonObject("deadline").getString("kind"));
    assertEquals(due.toString(), data.getJsonObject("deadline").getString("due"));
    assertEquals(0, nordvik.received.size(), "an SSE subscription sends no webhook");
  }

  private static List<JsonObject> alerts(UUID caseId) {
    List<JsonObject> out = new ArrayList<>();
    Await.result(f.pool.preparedQuery("SELECT data FROM party_events WHERE event = 'alert' AND case_id = $1"
        + " AND org_id = 'org-nordvik'").execute(Tuple.of(caseId))).forEach(r -> out.add((JsonObject) r.getValue(0)));
    return out;
  }

  @Test
  void aDeliveryDeadLetteredAfterTheScheduleMarksTheEndpointFailingAndTellsItsOwner() {
    nordvik.script(n -> TestReceiver.Answer.of(500));
    TestApi.json(subscribe("rights-holder", webhook(nordvikEndpoint, "CASE_OPENED")), 201);
    f.open("US");
    for (int i = 0; i <= SHORT_SCHEDULE.size(); i++) {
      dispatchAll();
      f.clock.advance(Duration.ofHours(1));
    }
    assertEquals(SHORT_SCHEDULE.size() + 1, nordvik.received.size());
    String token = f.token("rights-holder");
    JsonObject endpoint = TestApi.json(f.api.get("/api/webhooks/endpoints/" + nordvikEndpoint, token), 200);
    assertTrue(endpoint.getBoolean("failing"), endpoint.encode());
    assertTrue(endpoint.getBoolean("enabled"), "still tried for later messages");
    assertTrue(endpoint.getString("failingReason").contains("dead-lettered after 3 attempts"), endpoint.encode());
    Row told = Await.result(f.pool.preparedQuery("SELECT org_id, data FROM party_events WHERE event ="
        + " 'webhook.failing' AND data->>'endpointId' = $1").execute(Tuple.of(nordvikEndpoint))).iterator().next();
    assertEquals("org-nordvik", told.getString("org_id"));
    String delivery = ((JsonObject) told.getValue("data")).getString("deliveryId");
    assertNotNull(delivery);

    // the receiver is fixed, the owner replays: delivered, and the endpoint is no longer failing
    nordvik.script(n -> TestReceiver.Answer.of(200));
    assertEquals(202, f.api.post("/api/webhooks/deliveries/" + delivery + "/replay", token, new JsonObject())
        .statusCode());
    dispatchAll();
    assertEquals(1, nordvik.processed.size());
    assertFalse(TestApi.json(f.api.get("/api/webhooks/endpoints/" + nordvikEndpoint, token), 200)
        .getBoolean("failing"));
  }
}
