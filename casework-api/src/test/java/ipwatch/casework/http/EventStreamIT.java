package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.events.PartyEventsListener;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.SseClient;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestServers;
import ipwatch.model.Trademark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/events against the real database, with a second casework-api instance on the same database: what one
 * instance writes, a client of the other receives, and every client only what its party may see. The second instance
 * reads the event log only when PostgreSQL notifies it of a commit (its fallback poll is an hour), so every event its
 * clients receive here came through LISTEN/NOTIFY.
 */
class EventStreamIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static CaseworkFixture f;
  private static CaseworkServer second;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    Await.result(new RegistryStore(f.pool).upsert(List.of(new Trademark("tm-lumora-us", "org-lumora", "LUMORA",
        List.of(9), List.of("US"), List.of(), List.of()))));
    second = CaseworkServer.start(TestServers.config(f.db, Map.of("alerts.eventPollFallback", "1h")));
  }

  @AfterAll
  static void stop() {
    second.close();
    f.close();
  }

  private static boolean about(SseClient.Event e, UUID caseId) {
    String id = e.event().equals("alert") ? e.data().getJsonObject("data").getString("caseId")
        : e.data().getString("caseId");
    return caseId.toString().equals(id);
  }

  @Test
  void twoPartiesEachSeeOnlyTheirOwnCasesAndAlerts() throws Exception {
    TestApi.json(f.api.post("/api/subscriptions", f.token("rights-holder"), new JsonObject()
        .put("events", new JsonArray().add("CASE_OPENED")).put("channel", "sse")), 201);
    try (SseClient nordvik = SseClient.connect(f.server.port(), f.token("rights-holder"), false, null);
        SseClient lumora = SseClient.connect(second.port(), f.token("rights-holder-2"), false, null);
        SseClient platform = SseClient.connect(f.server.port(), f.token("platform"), false, null)) {
      assertEquals(200, nordvik.status);
      UUID nordvikCase = f.open("US");
      UUID lumoraCase = f.openFor("tm-lumora-us", "org-lumora", "demo-market");

      SseClient.Event opened = nordvik.await(e -> e.event().equals("case.updated") && about(e, nordvikCase), WAIT);
      assertEquals("DETECTED", opened.data().getString("status"));
      assertEquals(1, opened.data().getInteger("version"));
      // the event says what the case is about, so a client can match or show it without fetching it
      JsonObject read = TestApi.json(f.api.get("/api/cases/" + nordvikCase, f.token("rights-holder")), 200);
      for (String field : List.of("listingId", "assetId", "marketplace", "jurisdiction")) {
        assertEquals(read.getString(field), opened.data().getString(field), field);
      }
      assertEquals(Instant.parse(read.getString("createdAt")), Instant.parse(opened.data().getString("createdAt")));
      nordvik.await(e -> e.event().equals("alert") && about(e, nordvikCase), WAIT);
      lumora.await(e -> e.event().equals("case.updated") && about(e, lumoraCase), WAIT);
      // events go out in id order: once Nordvik has its confirmation (written after Lumora's case was opened), it
      // has been offered Lumora's event too
      f.ok("rights-holder", nordvikCase, "confirm", null);
      nordvik.await(e -> about(e, nordvikCase) && "CONFIRMED".equals(e.data().getString("status")), WAIT);
      assertFalse(nordvik.any(e -> about(e, lumoraCase)), "Nordvik must not see Lumora's case");
      assertFalse(lumora.any(e -> about(e, nordvikCase)), "Lumora must not see Nordvik's case");
      assertFalse(lumora.any(e -> e.event().equals("alert")), "Lumora has no subscription");

      // the platform sees the case once a notice was sent to it, not before
      f.ok("rights-holder", nordvikCase, "send_notice", CaseworkFixture.usNotice());
      SseClient.Event noticed = platform.await(e -> about(e, nordvikCase), WAIT);
      assertEquals("NOTICE_SENT", noticed.data().getString("status"));
      assertFalse(platform.any(e -> about(e, lumoraCase)));
      assertEquals(1, platform.events.stream().filter(e -> about(e, nordvikCase)).count());
    }
  }

  @Test
  void aClientOfTheSecondInstanceGetsChangesMadeOnTheFirstAndResumesAfterADisconnect() throws Exception {
    UUID caseId = f.open("US");
    long last;
    try (SseClient c = SseClient.connect(second.port(), f.token("rights-holder"), true, null)) {
      assertEquals(200, c.status);
      f.ok("rights-holder", caseId, "confirm", null);
      SseClient.Event confirmed = c.await(e -> about(e, caseId) && "CONFIRMED".equals(e.data().getString("status")),
          WAIT);
      last = confirmed.id();
    }
    // while disconnected: the notice goes out and the platform removes the listing
    f.ok("rights-holder", caseId, "send_notice", CaseworkFixture.usNotice());
    f.ok("platform", caseId, "remove", null);
    try (SseClient resumed = SseClient.connect(second.port(), f.token("rights-holder"), false, last)) {
      resumed.await(e -> about(e, caseId) && "REMOVED".equals(e.data().getString("status")), WAIT);
      SseClient.Event sent = resumed.await(e -> about(e, caseId)
          && "NOTICE_SENT".equals(e.data().getString("status")), WAIT);
      assertTrue(sent.id() > last);
      assertFalse(resumed.any(e -> e.id() <= last), "nothing before Last-Event-ID is sent again");
    }
  }

  @Test
  void anInstanceListensAgainAfterTheDatabaseDropsItsListeningConnection() throws Exception {
    UUID caseId = f.open("US");
    try (SseClient c = SseClient.connect(second.port(), f.token("rights-holder"), false, null)) {
      f.ok("rights-holder", caseId, "confirm", null);
      c.await(e -> about(e, caseId) && "CONFIRMED".equals(e.data().getString("status")), WAIT);

      // what a database restart, a failover or an idle-connection reaper does to the listening connections
      var dropped = Await.result(f.pool.preparedQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE application_name = $1 AND datname = current_database()")
          .execute(Tuple.of(PartyEventsListener.APPLICATION_NAME)));
      assertEquals(2, dropped.size(), "one listening connection per instance");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (listening() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(2, listening(), "both instances listen again");

      f.ok("rights-holder", caseId, "send_notice", CaseworkFixture.usNotice());
      c.await(e -> about(e, caseId) && "NOTICE_SENT".equals(e.data().getString("status")), WAIT);
      assertEquals(1, c.events.stream().filter(e -> about(e, caseId)
          && "NOTICE_SENT".equals(e.data().getString("status"))).count(), "sent once");
    }
  }

  private static long listening() {
    return Await.result(f.pool.preparedQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1"
        + " AND datname = current_database() AND query LIKE 'LISTEN%'").execute(Tuple.of(PartyEventsListener.APPLICATION_NAME)))
        .iterator().next().getLong(0);
  }

  @Test
  void aQuietStreamCarriesAHeartbeatComment() throws Exception {
    try (SseClient c = SseClient.connect(f.server.port(), f.token("court"), false, null)) {
      long deadline = System.nanoTime() + EventRoutes.HEARTBEAT.plusSeconds(10).toNanos();
      while (!c.comments.contains(": heartbeat") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(c.comments.contains(": heartbeat"), c.comments.toString());
      assertTrue(c.events.isEmpty(), "the court was referred nothing");
    }
  }

  @Test
  void aBadTokenOrLastEventIdIsAJsonErrorNotAStream() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.server.port()
        + "/api/events?access_token=not-a-jwt")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, noToken.statusCode());
    assertEquals("unauthorized", new JsonObject(noToken.body()).getString("type"));
    HttpResponse<String> badResume = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + f.server.port() + "/api/events")).header("Authorization", "Bearer " + f.token("court"))
        .header("Last-Event-ID", "yesterday").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, badResume.statusCode());
    assertEquals("bad_request", new JsonObject(badResume.body()).getString("type"));
    // the query token is accepted on /api/events only
    HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + f.server.port() + "/api/cases?access_token=" + f.token("court"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, elsewhere.statusCode());
  }
}
