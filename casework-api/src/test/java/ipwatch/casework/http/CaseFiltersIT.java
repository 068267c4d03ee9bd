package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.search.ElasticsearchCaseIndex;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestElasticsearch;
import ipwatch.casework.testing.TestFlags;
import ipwatch.model.Flag;
import ipwatch.model.Trademark;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The case summaries' priority, legalHold, nextDeadline, platform and jurisdiction, and the filters of GET /api/cases
 * (PostgreSQL) and GET /api/search (a real Elasticsearch) — status, jurisdiction, platform, minPriority, dueBefore,
 * q — always inside the party's scope, totals included.
 */
class CaseFiltersIT {
  private static final String ES = TestElasticsearch.url();
  private static final String INDEX = "cases-filters-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static CaseworkFixture f;
  private static UUID cnHeld;
  private static UUID usCountered;
  private static UUID euRemoved;
  private static UUID usLow;
  private static UUID lumoraUs;

  @BeforeAll
  static void start() throws Exception {
    f = new CaseworkFixture(Map.of("elasticsearch.url", ES, "elasticsearch.casesIndex", INDEX));
    Await.result(new RegistryStore(f.pool).upsert(List.of(new Trademark("tm-lumora-us", "org-lumora", "LUMORA",
        List.of(9), List.of("US"), List.of(), List.of()))));
    cnHeld = f.open("CN");
    f.ok("regulator", cnHeld, "hold", null);
    usCountered = f.open("US");
    f.ok("rights-holder", usCountered, "confirm", null);
    f.ok("rights-holder", usCountered, "send_notice", CaseworkFixture.usNotice());
    f.ok("platform", usCountered, "remove", null);
    f.ok("platform", usCountered, "counter_notice", CaseworkFixture.usCounterNotice());
    euRemoved = f.open("EU");
    f.ok("rights-holder", euRemoved, "confirm", null);
    f.ok("rights-holder", euRemoved, "send_notice", CaseworkFixture.euNotice());
    f.ok("platform", euRemoved, "remove", CaseworkFixture.statementOfReasons());
    Flag low = TestFlags.flag("lowscore-" + UUID.randomUUID(), "tm-us", "org-nordvik", "demo-market", "faint match");
    usLow = f.ingest(new Flag(low.flagId(), low.listingId(), low.assetId(), low.assetType(), low.owner(), low.kind(),
        0.2, low.signals(), low.evidence(), low.detectedAt(), low.matcherVersion(), low.listing()));
    lumoraUs = f.openFor("tm-lumora-us", "org-lumora", "demo-market");
    // the consumer indexes opened cases in production; here every case is indexed as it is now
    int cases = 0;
    try (ElasticsearchCaseIndex index = new ElasticsearchCaseIndex(ES, INDEX)) {
      index.ensureIndex();
      for (Row r : Await.result(f.pool.query("SELECT " + CaseRows.COLUMNS + " FROM cases").execute())) {
        index.index(CaseRows.read(r));
        cases++;
      }
    }
    awaitSearchable(cases);
  }

  /** Refreshes until every case is visible to search (a refresh can be refused while the node is busy). */
  private static void awaitSearchable(int cases) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + 120_000_000_000L;
    long visible = -1;
    while (System.nanoTime() < deadline) {
      http.send(HttpRequest.newBuilder(URI.create(ES + "/" + INDEX + "/_refresh"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(ES + "/" + INDEX + "/_count")).build(),
          HttpResponse.BodyHandlers.ofString());
      visible = count.statusCode() == 200 ? new JsonObject(count.body()).getLong("count") : -1;
      if (visible == cases) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("only " + visible + " of " + cases + " cases became searchable");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ES + "/" + INDEX)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static JsonObject page(String endpoint, String role, String query) {
    return TestApi.json(f.api.get("/api/" + endpoint + "?size=100&" + query, f.token(role)), 200);
  }

  private static Set<UUID> ids(JsonObject page) {
    Set<UUID> out = new HashSet<>();
    page.getJsonArray("items").forEach(o -> out.add(UUID.fromString(((JsonObject) o).getString("id"))));
    assertEquals(out.size(), page.getLong("total"), "the total counts exactly the visible matches");
    return out;
  }

  private static JsonObject item(JsonObject page, UUID id) {
    for (Object o : page.getJsonArray("items")) {
      if (((JsonObject) o).getString("id").equals(id.toString())) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError(id + " not in " + page);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cases", "search"})
  void summariesCarryPriorityHoldDeadlinePlatformAndJurisdiction(String endpoint) {
    JsonObject all = page(endpoint, "rights-holder", "");
    JsonObject countered = item(all, usCountered);
    JsonObject detail = f.detail("rights-holder", usCountered);
    JsonArray deadlines = detail.getJsonArray("deadlines");
    assertEquals(1, deadlines.size());
    assertEquals(deadlines.getJsonObject(0).getString("dueAt"), countered.getString("nextDeadline"));
    assertEquals(detail.getDouble("priority"), countered.getDouble("priority"));
    assertTrue(countered.getDouble("priority") > 0);
    assertEquals("demo-market", countered.getString("platform"));
    assertEquals("US", countered.getString("jurisdiction"));
    assertEquals(false, countered.getBoolean("legalHold"));
    assertEquals(true, item(all, cnHeld).getBoolean("legalHold"));
    assertNull(item(all, cnHeld).getString("nextDeadline"));
    assertNotNull(item(all, euRemoved).getString("nextDeadline"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cases", "search"})
  void eachFilterNarrowsWithinTheCallersScope(String endpoint) {
    assertEquals(Set.of(usCountered, usLow), ids(page(endpoint, "rights-holder", "jurisdiction=US")));
    assertEquals(Set.of(usCountered, usLow, lumoraUs), ids(page(endpoint, "regulator", "jurisdiction=US")));
    assertEquals(Set.of(lumoraUs), ids(page(endpoint, "rights-holder-2", "jurisdiction=US")));
    assertEquals(Set.of(usCountered), ids(page(endpoint, "rights-holder", "status=COUNTER_NOTICE")));
    assertEquals(Set.of(usCountered, euRemoved), ids(page(endpoint, "platform", "platform=demo-market")));
    assertEquals(Set.of(), ids(page(endpoint, "rights-holder", "platform=other-market")));

    Instant restoreDue = Instant.parse(f.detail("rights-holder", usCountered).getJsonArray("deadlines")
        .getJsonObject(0).getString("dueAt"));
    assertEquals(Set.of(usCountered), ids(page(endpoint, "rights-holder",
        "dueBefore=" + enc(restoreDue.plusSeconds(1).toString()))));
    assertEquals(Set.of(usCountered, euRemoved), ids(page(endpoint, "rights-holder",
        "dueBefore=" + enc(restoreDue.plusSeconds(366L * 86_400).toString()))));
    assertEquals(Set.of(), ids(page(endpoint, "rights-holder-2", "dueBefore=2100-01-01T00:00:00Z")));

    double lowPriority = f.detail("rights-holder", usLow).getDouble("priority");
    Set<UUID> above = ids(page(endpoint, "rights-holder", "minPriority=" + (lowPriority + 0.1)));
    assertEquals(Set.of(cnHeld, usCountered, euRemoved), above);
    assertEquals(Set.of(usLow), ids(page(endpoint, "rights-holder", "jurisdiction=US&status=DETECTED&minPriority="
        + lowPriority)));
  }

  @Test
  void theListsTextFilterMatchesTitlesAndIdsOfTheCallersCasesOnly() {
    assertEquals(Set.of(usLow), ids(page("cases", "rights-holder", "q=faint")));
    assertEquals(Set.of(), ids(page("cases", "rights-holder-2", "q=faint")));
    assertEquals(Set.of(), ids(page("cases", "rights-holder", "q=" + enc("%"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"minPriority=101", "minPriority=high", "dueBefore=tomorrow", "jurisdiction=U%24",
      "status=OPEN"})
  void aFilterOutOfBoundsIsA400NamingIt(String query) {
    for (String endpoint : List.of("cases", "search")) {
      HttpResponse<String> r = f.api.get("/api/" + endpoint + "?" + query, f.token("regulator"));
      JsonObject body = TestApi.json(r, 400);
      assertEquals("bad_request", body.getString("type"));
      assertTrue(body.getString("message").startsWith(query.substring(0, query.indexOf('='))), body.encode());
    }
  }
}
