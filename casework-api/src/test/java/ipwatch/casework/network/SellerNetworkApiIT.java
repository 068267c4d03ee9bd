package ipwatch.casework.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.model.Flag;
import ipwatch.model.Trademark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seller networks, repeat infringers and relistings through the HTTP API, on a real PostgreSQL. Seller links are
 * stored through {@link SellerLinkIngestor} (the Kafka side is SellerLinksConsumerIT's).
 */
class SellerNetworkApiIT {
  private static final String NORTH = "demo-market:demo-market:north-shop";
  private static final String SOUTH = "other-market:other-market:south-shop";
  private static CaseworkFixture f;
  private static SellerLinkIngestor links;
  private static int listings;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    links = new SellerLinkIngestor(f.pool);
    Await.result(new RegistryStore(f.pool).upsert(List.of(new Trademark("tm-lumora-us", "org-lumora", "LUMORA",
        List.of(9), List.of("US"), List.of(), List.of()))));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static void link(String account, String network, String other, String type) {
    JsonArray evidence = new JsonArray();
    if (other != null) {
      evidence.add(new JsonObject().put("identifierType", type).put("value", "+49*****67").put("valueHash", "h1")
          .put("otherSellerId", other));
    }
    String json = new JsonObject().put("sellerId", account).put("clusterId", network).put("evidence", evidence)
        .encode();
    var outcome = Await.result(links.ingest("test/0/" + UUID.randomUUID(), account,
        json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(outcome instanceof SellerLinkIngestor.Outcome.Stored, outcome.toString());
  }

  /** A case of {@code owner}'s asset on the account's marketplace, for the account's seller. */
  private static UUID open(String asset, String owner, String account) {
    String marketplace = account.substring(0, account.indexOf(':'));
    return f.ingest(NetworkFlags.bySeller("nw-" + (++listings) + "-" + UUID.randomUUID(), asset, owner, marketplace,
        account.substring(account.indexOf(':') + 1)));
  }

  private static JsonObject get(String role, String path) {
    return TestApi.json(f.api.get(path, f.token(role)), 200);
  }

  private static void removed(UUID id) {
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.usNotice());
    f.ok("platform", id, "remove", null);
  }

  @Test
  void caseSummariesCarryTheirSellersNetworkAndTheListFiltersByIt() {
    link(NORTH, "op-net-north", SOUTH, "PHONE");
    link(SOUTH, "op-net-north", NORTH, "PHONE");
    UUID north = open("tm-us", "org-nordvik", NORTH);
    UUID south = open("tm-us", "org-nordvik", SOUTH);
    UUID lumoras = open("tm-lumora-us", "org-lumora", NORTH);
    UUID loner = open("tm-us", "org-nordvik", "demo-market:demo-market:loner");

    JsonObject page = get("rights-holder", "/api/cases?networkId=op-net-north&size=50");
    List<String> ids = new ArrayList<>();
    page.getJsonArray("items").forEach(o -> ids.add(((JsonObject) o).getString("id")));
    assertEquals(List.of(south.toString(), north.toString()), ids, "Nordvik's two cases, not Lumora's");
    assertEquals(2, page.getLong("total"));
    assertEquals("op-net-north", page.getJsonArray("items").getJsonObject(0).getString("networkId"));
    assertEquals(1, get("rights-holder-2", "/api/cases?networkId=op-net-north").getLong("total"));
    assertTrue(get("rights-holder-2", "/api/cases?networkId=op-net-north").encode().contains(lumoras.toString()));
    JsonObject alone = get("rights-holder", "/api/cases/" + loner);
    assertNull(alone.getValue("networkId"));
    assertFalse(alone.getBoolean("repeatInfringer"));
    assertNull(alone.getValue("relatedCaseId"));
  }

  @Test
  void theNetworkOfACaseShowsTheLinkedAccountsMaskedPerRoleAndCountsOnlyTheCallersCases() {
    String east = "demo-market:demo-market:east-shop";
    String west = "third-market:third-market:west-shop";
    link(east, "op-net-east", west, "EMAIL");
    link(west, "op-net-east", east, "EMAIL");
    UUID mine = open("tm-us", "org-nordvik", east);
    open("tm-us", "org-nordvik", east);
    open("tm-lumora-us", "org-lumora", east); // another holder's: never counted for Nordvik

    JsonObject g = get("rights-holder", "/api/cases/" + mine + "/network");
    assertEquals("op-net-east", g.getString("networkId"));
    JsonObject eastNode = node(g, "demo-market");
    assertEquals("demo-market:d***", eastNode.getString("seller"));
    assertEquals(2, eastNode.getLong("caseCount"));
    assertEquals(0, node(g, "third-market").getLong("caseCount"));
    assertEquals("third-market:t***", node(g, "third-market").getString("seller"));
    assertEquals(1, g.getJsonArray("edges").size());
    JsonObject edge = g.getJsonArray("edges").getJsonObject(0);
    assertEquals("SHARED_EMAIL", edge.getString("reason"));
    assertTrue(edge.getDouble("score") > 0 && edge.getDouble("score") <= 1);
    assertFalse(g.encode().contains("east-shop"), "no seller name reaches a rights holder: " + g.encode());

    JsonObject r = get("regulator", "/api/cases/" + mine + "/network"); // the regulator acts in the US
    assertEquals(east, node(r, "demo-market").getString("seller"));
    assertEquals(3, node(r, "demo-market").getLong("caseCount"));
    assertEquals(404, f.api.get("/api/cases/" + mine + "/network", f.token("rights-holder-2")).statusCode());
  }

  private static JsonObject node(JsonObject graph, String platform) {
    for (Object o : graph.getJsonArray("nodes")) {
      if (platform.equals(((JsonObject) o).getString("platform"))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no node on " + platform + " in " + graph.encode());
  }

  @Test
  void topNetworksAreRankedByTheCasesTheCallerMaySeeAndTheLimitIsChecked() {
    String big = "demo-market:demo-market:big-1";
    String big2 = "demo-market:demo-market:big-2";
    link(big, "op-net-big", big2, "ADDRESS");
    link(big2, "op-net-big", big, "ADDRESS");
    for (int i = 0; i < 6; i++) {
      open("tm-lumora-us", "org-lumora", i % 2 == 0 ? big : big2);
    }
    JsonArray lumora = get("rights-holder-2", "/api/networks?limit=1").getJsonArray("items");
    assertEquals(1, lumora.size());
    JsonObject top = lumora.getJsonObject(0);
    assertEquals("op-net-big", top.getString("networkId"));
    assertEquals(2, top.getLong("sellers"));
    assertEquals(6, top.getLong("cases"));
    assertEquals(List.of("demo-market"), top.getJsonArray("platforms").getList());
    for (Object o : get("rights-holder", "/api/networks?limit=100").getJsonArray("items")) {
      assertFalse("op-net-big".equals(((JsonObject) o).getString("networkId")), "Nordvik has no case there");
    }
    JsonObject bad = TestApi.json(f.api.get("/api/networks?limit=0", f.token("rights-holder")), 400);
    assertEquals("bad_request", bad.getString("type").toLowerCase());
    assertTrue(bad.getString("correlationId") != null && !bad.getString("correlationId").isEmpty());
  }

  @Test
  void aSellerWhoseNetworkHadAnUpheldCaseIsARepeatInfringerAndItsNewCaseRanksHigher() {
    String first = "demo-market:demo-market:rep-first";
    String second = "other-market:other-market:rep-second";
    link(first, "op-net-rep", second, "BUSINESS_LICENSE");
    link(second, "op-net-rep", first, "BUSINESS_LICENSE");
    UUID earlier = open("tm-us", "org-nordvik", first);
    removed(earlier);
    UUID repeat = open("tm-us", "org-nordvik", second);
    UUID control = open("tm-us", "org-nordvik", "demo-market:demo-market:first-timer");

    JsonObject r = get("rights-holder", "/api/cases/" + repeat);
    JsonObject c = get("rights-holder", "/api/cases/" + control);
    assertTrue(r.getBoolean("repeatInfringer"));
    assertFalse(c.getBoolean("repeatInfringer"));
    assertFalse(get("rights-holder", "/api/cases/" + earlier).getBoolean("repeatInfringer"),
        "its own removal does not make the first case a repeat");
    assertTrue(r.getDouble("priority") > c.getDouble("priority"), r.getDouble("priority") + " vs "
        + c.getDouble("priority"));
    assertTrue(node(get("rights-holder", "/api/cases/" + repeat + "/network"), "demo-market")
        .getBoolean("repeatInfringer"));
  }

  @Test
  void aRelistingOfARemovedListingOpensANewCaseLinkedToTheEarlierOneAtARaisedPriorityOnce() {
    UUID earlier = open("tm-us", "org-nordvik", "demo-market:demo-market:orig-shop");
    removed(earlier);
    String earlierListing = get("rights-holder", "/api/cases/" + earlier).getString("listingId");
    Flag relisting = NetworkFlags.relisting("relisted-" + UUID.randomUUID(), "tm-us", "org-nordvik", "demo-market",
        "demo-market:copy-shop", earlierListing, earlier);
    UUID relisted = f.ingest(relisting);
    UUID again = f.ingest(relisting); // a replayed flag
    UUID control = open("tm-us", "org-nordvik", "demo-market:demo-market:fresh-shop");

    assertEquals(relisted, again);
    JsonObject r = get("rights-holder", "/api/cases/" + relisted);
    assertEquals(earlier.toString(), r.getString("relatedCaseId"));
    assertEquals("DETECTED", r.getString("status"), "a new case, not the earlier one reopened");
    assertEquals("REMOVED", f.status(earlier));
    double base = get("rights-holder", "/api/cases/" + control).getDouble("priority");
    assertEquals(Math.min(100, base + RelistingLinks.PRIORITY_BOOST), r.getDouble("priority"), 0.001);
    assertEquals(1, events(relisted, RelistingLinks.EVENT));
    assertTrue(get("rights-holder", "/api/cases").encode().contains("\"relatedCaseId\":\""
        + earlier + "\""), "the list carries the link too");
  }

  @Test
  void aComplaintUpheldAgainstTheRemovalAnnouncesTheListingAsReinstated() {
    UUID id = f.open("EU");
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.euNotice());
    f.ok("platform", id, "remove", CaseworkFixture.statementOfReasons());
    f.ok("platform", id, "complaint", null);
    f.ok("platform", id, "reverse", null);
    assertEquals(List.of("TAKEN_DOWN", "REINSTATED"), outcomes(id));
  }

  @Test
  void aListingRestoredWhenTheCounterNoticeWindowRunsOutIsAnnouncedAsReinstated() throws Exception {
    UUID id = f.open("US");
    removed(id);
    f.ok("platform", id, "counter_notice", CaseworkFixture.usCounterNotice());
    assertEquals(List.of("TAKEN_DOWN"), outcomes(id));
    f.clock.advance(java.time.Duration.ofDays(30)); // past the 10-14 business days of 17 U.S.C. 512(g)
    f.awaitStatus(id, "RESTORED");
    assertEquals(List.of("TAKEN_DOWN", "REINSTATED"), outcomes(id));
  }

  private static List<String> outcomes(UUID id) {
    String listing = get("rights-holder", "/api/cases/" + id).getString("listingId");
    List<String> outcomes = new ArrayList<>();
    for (Row row : Await.result(f.pool.preparedQuery("SELECT payload FROM outbox WHERE topic = 'listing-outcomes'"
        + " AND msg_key = $1 ORDER BY id").execute(Tuple.of(listing)))) {
      JsonObject p = row.getJsonObject(0);
      assertEquals(id.toString(), p.getString("caseId"));
      outcomes.add(p.getString("outcome"));
    }
    return outcomes;
  }

  private static long events(UUID id, String type) {
    return Await.result(f.pool.preparedQuery("SELECT count(*) FROM case_events WHERE case_id = $1 AND type = $2")
        .execute(Tuple.of(id, type))).iterator().next().getLong(0);
  }
}
