package ipwatch.casework.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.model.Trademark;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A casework-api on its own database with a hand-moved clock, three trademarks of Nordvik registered in CN, US and
 * EU (so a case's jurisdiction follows its asset), and helpers to open cases and act on them as the demo parties.
 */
public final class CaseworkFixture implements AutoCloseable {
  /** A Friday afternoon in New York, the week before Thanksgiving. */
  public static final Instant START = Instant.parse("2026-11-20T15:00:00Z");
  private static final AtomicInteger LISTINGS = new AtomicInteger();
  public final TestPostgres.TestDatabase db;
  public final TestClock clock = new TestClock(START);
  public final Vertx vertx = Vertx.vertx();
  public final Pool pool;
  private final FlagIngestor ingestor;
  public CaseworkServer server;
  public TestApi api;

  private final Map<String, String> extra;

  public CaseworkFixture() {
    this(Map.of());
  }

  /** With settings of the test's own on top of {@link TestServers#config}. */
  public CaseworkFixture(Map<String, String> extra) {
    this(TestPostgres.freshDatabase(), extra);
  }

  /** On a database of the test's own (e.g. a PostgreSQL server the test stops and starts). */
  public CaseworkFixture(TestPostgres.TestDatabase db, Map<String, String> extra) {
    this.db = db;
    this.pool = db.pool(vertx);
    this.extra = Map.copyOf(extra);
    server = CaseworkServer.start(TestServers.config(db, extra), clock);
    api = new TestApi(server.port());
    Await.result(new RegistryStore(pool).upsert(List.of(
        mark("tm-cn", "CN"), mark("tm-us", "US"), mark("tm-eu", "EU"))));
    ingestor = new FlagIngestor(pool, new JurisdictionResolver(new CaseworkSettings.CaseDefaults("US", Map.of())));
  }

  private static Trademark mark(String id, String jurisdiction) {
    return new Trademark(id, "org-nordvik", "NORDVIK", List.of(25), List.of(jurisdiction), List.of(), List.of());
  }

  /** Stops the service, lets {@code downFor} pass, and starts it again on the same database. */
  public void restart(java.time.Duration downFor) {
    server.close();
    clock.advance(downFor);
    server = CaseworkServer.start(TestServers.config(db, extra), clock);
    api = new TestApi(server.port());
  }

  /** A new DETECTED case on demo-market about the asset of {@code jurisdiction}. */
  public UUID open(String jurisdiction) {
    String listing = "wf-" + LISTINGS.incrementAndGet() + "-" + UUID.randomUUID();
    return Await.result(ingestor.ingest("test/0/" + listing, TestFlags.bytes(TestFlags.flag(listing,
        "tm-" + jurisdiction.toLowerCase(), "org-nordvik", "demo-market", "NORDVIK parka " + listing))))
        .foundCase().map(CaseSummary::id).orElseThrow();
  }

  /** A new DETECTED case with every party attribute chosen by the test. */
  public UUID openFor(String asset, String owner, String marketplace) {
    String listing = "wf-" + LISTINGS.incrementAndGet() + "-" + UUID.randomUUID();
    return Await.result(ingestor.ingest("test/0/" + listing, TestFlags.bytes(TestFlags.flag(listing, asset, owner,
        marketplace, "Listing " + listing)))).foundCase().map(CaseSummary::id).orElseThrow();
  }

  /** Ingests a flag built by the test (e.g. with a page snapshot) and answers its case. */
  public UUID ingest(ipwatch.model.Flag flag) {
    return Await.result(ingestor.ingest("test/0/" + flag.flagId(), TestFlags.bytes(flag))).foundCase()
        .map(CaseSummary::id).orElseThrow();
  }

  /** Evidence on record, as a notice with prima facie evidence (PRC Art. 42) needs. */
  public void addEvidence(UUID caseId) {
    String sha = "a".repeat(64);
    Await.result(pool.preparedQuery("INSERT INTO evidence_items (case_id, seq, kind, name, sha256, bytes,"
            + " content_type, added_by, added_at, prev_hash, entry_hash) VALUES ($1, 1, 'DOCUMENT', 'x', $2, 1,"
            + " 'text/plain', 'test', $3, $4, $4)")
        .execute(Tuple.of(caseId, sha, OffsetDateTime.ofInstant(START, ZoneOffset.UTC), "0".repeat(64))));
  }

  public String token(String role) {
    return server.demoTokens().get(role);
  }

  public HttpResponse<String> act(String role, UUID caseId, String action, JsonObject details) {
    JsonObject body = new JsonObject().put("action", action).put("reason", "test " + action);
    if (details != null) {
      body.put("details", details);
    }
    return api.post("/api/cases/" + caseId + "/transitions", token(role), body);
  }

  public JsonObject ok(String role, UUID caseId, String action, JsonObject details) {
    return TestApi.json(act(role, caseId, action, details), 200);
  }

  public JsonObject detail(String role, UUID caseId) {
    return TestApi.json(api.get("/api/cases/" + caseId, token(role)), 200);
  }

  public String status(UUID caseId) {
    return detail("regulator", caseId).getString("status");
  }

  /** Waits for the periodic deadline scan (100 ms in tests) to move the case to {@code expected}. */
  public void awaitStatus(UUID caseId, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (expected.equals(status(caseId))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("case " + caseId + " did not reach " + expected + ", still " + status(caseId));
  }

  // notice and answer contents that satisfy each profile
  public static JsonObject cnNotice() {
    return new JsonObject().put("explanation", "Counterfeit NORDVIK parka").put("primaFacieEvidence",
        "Registration certificate and test purchase");
  }

  public static JsonObject usNotice() {
    return new JsonObject().put("signature", "/Ann Counsel/").put("explanation", "Counterfeit goods bearing our mark")
        .put("notifierName", "Ann Counsel").put("notifierEmail", "ann@nordvik.example").put("goodFaith", true)
        .put("accuracyUnderPenaltyOfPerjury", true);
  }

  public static JsonObject euNotice() {
    return new JsonObject().put("explanation", "Counterfeit goods bearing our EU trade mark")
        .put("urls", new io.vertx.core.json.JsonArray().add("https://demo-market.example/item/1"))
        .put("notifierName", "Ann Counsel").put("notifierEmail", "ann@nordvik.example").put("goodFaith", true);
  }

  public static JsonObject cnDeclaration() {
    return new JsonObject().put("declaration", "Genuine goods bought from the brand's distributor")
        .put("primaFacieEvidence", "Distributor invoice");
  }

  public static JsonObject usCounterNotice() {
    return new JsonObject().put("signature", "/S. Eller/").put("declarantName", "S. Eller")
        .put("declarantAddress", "1 Main St, Springfield").put("declarantPhone", "+1 555 0100")
        .put("goodFaithMistake", true).put("consentToJurisdiction", true);
  }

  public static JsonObject statementOfReasons() {
    return new JsonObject().put("statementOfReasons", new JsonObject()
        .put("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT").put("legalGround", "EUTMR Art. 9")
        .put("explanation", "Listing offers counterfeit goods under the notifier's mark"));
  }

  @Override
  public void close() {
    server.close();
    Await.result(pool.close());
    Await.result(vertx.close());
  }
}
