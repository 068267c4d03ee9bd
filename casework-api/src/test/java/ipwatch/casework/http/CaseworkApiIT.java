package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.casework.testing.TestTokens;
import ipwatch.model.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API against a real PostgreSQL, with demo parties. Kafka and Elasticsearch point at closed ports: the API
 * must still serve cases, and answer search with a clean 503.
 */
class CaseworkApiIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestPostgres.TestDatabase db;
  private static CaseworkServer server;
  private static Vertx vertx;
  private static Pool pool;
  private static UUID nordvikCase;
  private static UUID lumoraCase;

  @BeforeAll
  static void start() throws IOException {
    db = TestPostgres.freshDatabase();
    server = CaseworkServer.start(config(db));
    vertx = Vertx.vertx();
    pool = db.pool(vertx);
    FlagIngestor ingestor = new FlagIngestor(pool, new JurisdictionResolver(
        new CaseworkSettings.CaseDefaults("US", Map.of("demo-market", "CN"))));
    nordvikCase = open(ingestor, "l-1", "tm-nordvik", "org-nordvik", "NORDVIK Fjell parka replica");
    open(ingestor, "l-2", "tm-nordvik", "org-nordvik", "Nordvik style down jacket");
    lumoraCase = open(ingestor, "l-3", "tm-lumora", "org-lumora", "LUMORA Aria headphones");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (pool != null) {
      Await.result(pool.close());
      Await.result(vertx.close());
    }
  }

  static Config config(TestPostgres.TestDatabase db) throws IOException {
    Map<String, String> overrides = new HashMap<>(db.overrides());
    overrides.putAll(Map.of(
        "http.port", "0",
        "http.webroot", "test-webroot",
        "http.maxBodyBytes", "1024",
        "http.corsOrigins", "https://portal.example.org",
        "kafka.bootstrapServers", "127.0.0.1:" + closedPort(),
        "elasticsearch.url", "http://127.0.0.1:" + closedPort(),
        "auth.jwt.secret", TestTokens.SECRET,
        "demo.enabled", "true"));
    return Config.load(Path.of("../config/casework-api.yaml"), Map.of()).with(overrides);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static UUID open(FlagIngestor ingestor, String listing, String asset, String owner, String title) {
    return Await.result(ingestor.ingest("test/0/" + listing,
        TestFlags.bytes(TestFlags.flag(listing, asset, owner, "demo-market", title)))).foundCase()
        .map(CaseSummary::id).orElseThrow();
  }

  // --- visibility -------------------------------------------------------------------------------------------------

  @Test
  void aRightsHolderListsOnlyItsOwnCases() throws Exception {
    JsonObject page = json(get("/api/cases", token("rights-holder")), 200);

    assertEquals(2, page.getLong("total"));
    for (Object item : page.getJsonArray("items")) {
      assertEquals("org-nordvik", ((JsonObject) item).getString("ownerOrg"));
    }
  }

  @Test
  void theRegulatorSeesEveryCaseInItsJurisdictions() throws Exception {
    JsonObject page = json(get("/api/cases?size=2", token("regulator")), 200);

    assertEquals(3, page.getLong("total"));
    assertEquals(2, page.getJsonArray("items").size());
  }

  @Test
  void pagesOfTheCaseListAreNewestFirstWithoutOverlapOrGap() throws Exception {
    List<String> ids = new ArrayList<>();
    List<Instant> created = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      JsonObject body = json(get("/api/cases?size=1&page=" + page, token("regulator")), 200);
      assertEquals(3, body.getLong("total"));
      for (Object item : body.getJsonArray("items")) {
        JsonObject c = (JsonObject) item;
        ids.add(c.getString("id"));
        created.add(Instant.parse(c.getString("createdAt")));
        assertTrue(c.containsKey("repeatInfringer"), "every paged row carries its computed columns: " + c);
      }
    }

    assertEquals(3, ids.size(), "pages 1-3 hold one case each, page 4 none: " + ids);
    assertEquals(3, new HashSet<>(ids).size(), "no case on two pages: " + ids);
    assertTrue(ids.contains(nordvikCase.toString()) && ids.contains(lumoraCase.toString()), ids.toString());
    for (int i = 1; i < created.size(); i++) {
      assertFalse(created.get(i).isAfter(created.get(i - 1)), "newest first: " + created);
    }
  }

  @Test
  void aPlatformSeesNoCaseBeforeANoticeIsSent() throws Exception {
    assertEquals(0, json(get("/api/cases", token("platform")), 200).getLong("total"));
    json(get("/api/cases/" + nordvikCase, token("platform")), 404);
  }

  @Test
  void aCourtSeesOnlyCasesReferredToIt() throws Exception {
    assertEquals(0, json(get("/api/cases", token("court")), 200).getLong("total"));
  }

  @Test
  void theOwnerReadsItsCaseWithTheAuditTrail() throws Exception {
    JsonObject c = json(get("/api/cases/" + nordvikCase, token("rights-holder")), 200);

    assertEquals("DETECTED", c.getString("status"));
    assertEquals("NORDVIK Fjell parka replica", c.getString("title"));
    JsonArray events = c.getJsonArray("events");
    assertEquals(1, events.size());
    assertEquals("CASE_OPENED", events.getJsonObject(0).getString("type"));
  }

  @Test
  void aForeignCaseIdAnswersTheSame404AsAMissingOne() throws Exception {
    JsonObject foreign = json(get("/api/cases/" + lumoraCase, token("rights-holder")), 404);
    JsonObject missing = json(get("/api/cases/" + UUID.randomUUID(), token("rights-holder")), 404);
    JsonObject garbage = json(get("/api/cases/not-a-uuid", token("rights-holder")), 404);

    assertEquals("not_found", foreign.getString("type"));
    assertEquals(foreign.getString("message"), missing.getString("message"));
    assertEquals(foreign.getString("message"), garbage.getString("message"));
    assertNotNull(foreign.getString("correlationId"));
  }

  @Test
  void filtersNarrowButNeverWidenWhatAPartySees() throws Exception {
    JsonObject page = json(get("/api/cases?status=DETECTED&marketplace=demo-market", token("rights-holder-2")), 200);

    assertEquals(1, page.getLong("total"));
    assertEquals("org-lumora", page.getJsonArray("items").getJsonObject(0).getString("ownerOrg"));
  }

  @Test
  void meShowsTheStoredOrganisationAndRole() throws Exception {
    JsonObject me = json(get("/api/me", token("regulator")), 200);

    assertEquals("Demo Market Supervision Bureau", me.getJsonObject("organisation").getString("name"));
    assertEquals("REGULATOR", me.getJsonObject("organisation").getString("role"));
  }

  // --- authentication ---------------------------------------------------------------------------------------------

  @Test
  void aRequestWithoutATokenAnswers401Json() throws Exception {
    JsonObject body = json(get("/api/cases", null), 401);
    assertEquals("unauthorized", body.getString("type"));
  }

  @Test
  void anExpiredTokenAnswers401() throws Exception {
    json(get("/api/cases", TestTokens.hs256(TestTokens.claims("org-nordvik", "RIGHTS_HOLDER", -60),
        TestTokens.SECRET)), 401);
  }

  @Test
  void aTokenForAnotherAudienceAnswers401() throws Exception {
    json(get("/api/cases", TestTokens.hs256(TestTokens.claims("org-nordvik", "RIGHTS_HOLDER", 600)
        .put("aud", "some-other-api"), TestTokens.SECRET)), 401);
  }

  @Test
  void aTokenFromAnotherIssuerAnswers401() throws Exception {
    json(get("/api/cases", TestTokens.hs256(TestTokens.claims("org-nordvik", "RIGHTS_HOLDER", 600)
        .put("iss", "evil"), TestTokens.SECRET)), 401);
  }

  @Test
  void anUnsignedAlgNoneTokenAnswers401() throws Exception {
    json(get("/api/cases", TestTokens.algNone(TestTokens.claims("org-regulator", "REGULATOR", 600))), 401);
  }

  @Test
  void aTokenSignedWithAnotherKeyAnswers401() throws Exception {
    json(get("/api/cases", TestTokens.hs256(TestTokens.claims("org-regulator", "REGULATOR", 600),
        "another-secret-0123456789-abcdefghijklmnop")), 401);
  }

  @Test
  void aTokenWithoutExpiryAnswers401() throws Exception {
    JsonObject claims = TestTokens.claims("org-nordvik", "RIGHTS_HOLDER", 600);
    claims.remove("exp");
    json(get("/api/cases", TestTokens.hs256(claims, TestTokens.SECRET)), 401);
  }

  @Test
  void aTokenClaimingARoleItsOrganisationDoesNotHaveAnswers401() throws Exception {
    json(get("/api/cases", TestTokens.hs256(TestTokens.claims("org-nordvik", "REGULATOR", 600),
        TestTokens.SECRET)), 401);
  }

  @Test
  void aValidHandMadeTokenIsAccepted() throws Exception {
    json(get("/api/me", TestTokens.hs256(TestTokens.claims("org-lumora", "RIGHTS_HOLDER", 600),
        TestTokens.SECRET)), 200);
  }

  // --- input limits and errors ------------------------------------------------------------------------------------

  @Test
  void aPageSizeAboveTheMaximumAnswers400() throws Exception {
    JsonObject body = json(get("/api/cases?size=100000", token("regulator")), 400);
    assertTrue(body.getString("message").contains("size"));
  }

  @Test
  void anUnknownStatusFilterAnswers400() throws Exception {
    json(get("/api/cases?status=PWNED", token("regulator")), 400);
  }

  @Test
  void aBodyOverTheLimitAnswers413Json() throws Exception {
    // 40 times each: closing the connection while the client was still sending used to lose the answer now and then
    for (int attempt = 0; attempt < 40; attempt++) {
      for (HttpClient.Version version : HttpClient.Version.values()) {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/api/cases"))
            .header("Authorization", "Bearer " + token("regulator"))
            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(64 * 1024))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("payload_too_large", json(r, 413).getString("type"), version + ", attempt " + attempt);
      }
    }
  }

  @Test
  void aClientThatKeepsSendingAnOversizedBodyIsCutOffAfterTheLingerTime() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token("regulator")
          + "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[4096]);
      out.flush();
      String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", head);
      long start = System.nanoTime();
      boolean cutOff = false;
      while (!cutOff && System.nanoTime() - start < 15_000_000_000L) {
        try {
          out.write(new byte[1024]); // a trickle: never more than the drain limit, so only the timer can end it
          out.flush();
          Thread.sleep(50);
        } catch (IOException closedByServer) {
          cutOff = true;
        }
      }
      assertTrue(cutOff, "the server still reads an oversized body after 15 s");
    }
  }

  @Test
  void anAnonymousRequestWithABodyAnswers401() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 2; i++) { // twice on the same connection: the unread body must not wedge it
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/api/cases"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"CLOSED\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      json(r, 401);
    }
  }

  @Test
  void searchWhileTheIndexIsDownAnswers503WithoutInternals() throws Exception {
    JsonObject body = json(get("/api/search?q=nordvik", token("regulator")), 503);
    assertEquals("unavailable", body.getString("type"));
  }

  @Test
  void anUnknownApiRouteAnswers404Json() throws Exception {
    json(get("/api/nothing-here", token("regulator")), 404);
  }

  @Test
  void errorBodiesNeverLeakExceptionsOrStackTraces() throws Exception {
    String[] paths = {"/api/cases", "/api/cases/not-a-uuid", "/api/search?q=x", "/api/cases?page=abc",
        "/api/cases?size=0", "/api/nothing"};
    for (String p : paths) {
      for (String t : new String[] {null, "garbage.token.here", token("rights-holder")}) {
        HttpResponse<String> r = get(p, t);
        if (r.statusCode() >= 400) {
          assertFalse(r.body().contains("Exception"), p + " -> " + r.body());
          assertFalse(r.body().contains("at ipwatch."), p + " -> " + r.body());
          assertFalse(r.body().contains("at io."), p + " -> " + r.body());
          JsonObject body = new JsonObject(r.body());
          assertEquals(3, body.size(), p + " -> " + r.body());
        }
      }
    }
  }

  @Test
  void aCorsPreflightFromAnUnknownOriginIsRefused() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/cases"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, r.statusCode());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  // --- health, demo, portal ---------------------------------------------------------------------------------------

  @Test
  void healthReportsEachDependencyWithoutAuthentication() throws Exception {
    JsonObject body = json(get("/api/health", null), 503);
    JsonObject checks = body.getJsonObject("checks");
    assertEquals("up", checks.getString("database"));
    assertEquals("down", checks.getString("elasticsearch"));
    assertEquals("down", checks.getString("kafka"));
  }

  @Test
  void demoTokensAreServedToLoopbackCallersAndWork() throws Exception {
    JsonArray tokens = json(get("/api/demo/tokens", null), 200).getJsonArray("tokens");
    assertEquals(5, tokens.size());
    assertEquals(server.demoTokens().keySet(), Map.of("regulator", 1, "court", 1, "rights-holder", 1,
        "rights-holder-2", 1, "platform", 1).keySet());
    String platformToken = tokens.stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("key").equals("platform")).findFirst().orElseThrow().getString("token");
    assertEquals("PLATFORM", json(get("/api/me", platformToken), 200).getJsonObject("organisation")
        .getString("role"));
  }

  @Test
  void demoTokensAreRefusedBehindAProxy() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/demo/tokens"))
        .header("X-Forwarded-For", "203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());
    json(r, 404);
  }

  @Test
  void thePortalIsServedFromTheConfiguredWebroot() throws Exception {
    HttpResponse<String> r = get("/", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("casework test fixture"));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  @Test
  void aSecondServerOnTheSameDatabaseStartsAndSeesTheSameCases() throws Exception {
    try (CaseworkServer second = CaseworkServer.start(config(db))) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + second.port() + "/api/cases"))
          .header("Authorization", "Bearer " + second.demoTokens().get("regulator")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(3, json(r, 200).getLong("total"));
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  private static String token(String role) {
    return server.demoTokens().get(role);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> r, int expectedStatus) {
    assertEquals(expectedStatus, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
    return new JsonObject(r.body());
  }
}
