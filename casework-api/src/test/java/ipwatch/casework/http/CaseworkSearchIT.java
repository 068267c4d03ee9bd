package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.search.ElasticsearchCaseIndex;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/search through the running server against a real Elasticsearch, scoped per party (totals included).
 */
class CaseworkSearchIT {
  private static final String ES = ipwatch.casework.testing.TestElasticsearch.url();
  private static final String INDEX = "cases-search-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static CaseworkServer server;
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void start() throws Exception {
    TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
    server = CaseworkServer.start(CaseworkApiIT.config(db).with(Map.of(
        "elasticsearch.url", ES, "elasticsearch.casesIndex", INDEX)));
    vertx = Vertx.vertx();
    pool = db.pool(vertx);
    FlagIngestor ingestor = new FlagIngestor(pool, new JurisdictionResolver(
        new CaseworkSettings.CaseDefaults("US", Map.of())));
    try (ElasticsearchCaseIndex index = new ElasticsearchCaseIndex(ES, INDEX)) {
      index.ensureIndex();
      String[][] flags = {
          {"s-1", "tm-nordvik", "org-nordvik", "NORDVIK Fjell parka"},
          {"s-2", "tm-nordvik", "org-nordvik", "Nordvik winter boots"},
          {"s-3", "tm-lumora", "org-lumora", "LUMORA headphones, NORDVIK case included"}};
      for (String[] f : flags) {
        Await.result(ingestor.ingest("it/0/" + f[0], TestFlags.bytes(TestFlags.flag(f[0], f[1], f[2],
            "demo-market", f[3])))).foundCase().ifPresent(index::index);
      }
    }
    HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/" + INDEX + "/_refresh"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    Await.result(pool.close());
    Await.result(vertx.close());
    HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/" + INDEX)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  @Test
  void aRightsHolderFindsOnlyItsOwnCasesAndTheTotalCountsOnlyThose() throws Exception {
    JsonObject page = search("nordvik", "rights-holder-2");
    assertEquals(1, page.getLong("total"));
    assertEquals("org-lumora", page.getJsonArray("items").getJsonObject(0).getString("ownerOrg"));
  }

  @Test
  void theRegulatorFindsEveryMatchingCaseInItsJurisdictions() throws Exception {
    assertEquals(3, search("nordvik", "regulator").getLong("total"));
  }

  @Test
  void aPlatformFindsNothingBeforeANotice() throws Exception {
    assertEquals(0, search("", "platform").getLong("total"));
  }

  private static JsonObject search(String q, String role) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + "/api/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)))
        .header("Authorization", "Bearer " + server.demoTokens().get(role)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }
}
