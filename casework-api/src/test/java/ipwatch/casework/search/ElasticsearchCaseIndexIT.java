package ipwatch.casework.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Role;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Page;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ElasticsearchCaseIndex} against a real node (started once per test JVM by {@link
 * ipwatch.casework.testing.TestElasticsearch}).
 */
class ElasticsearchCaseIndexIT {
  private static final String URL = ipwatch.casework.testing.TestElasticsearch.url();
  private static final String INDEX = "cases-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static ElasticsearchCaseIndex index;

  @BeforeAll
  static void open() {
    index = new ElasticsearchCaseIndex(URL, INDEX);
    index.ensureIndex();
    index.ensureIndex(); // a second instance starting finds it in place
  }

  @AfterAll
  static void drop() throws Exception {
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(URL + "/" + INDEX)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
    index.close();
  }

  @Test
  void searchHitsAndTotalsAreScopedToTheParty() throws Exception {
    CaseSummary own = kase("org-a", "NORDVIK parka", 1);
    index.index(own);
    index.index(kase("org-b", "NORDVIK boots", 1));
    index.index(own); // the same version again: a no-op, not an error
    refresh();

    Page<CaseSummary> forA = index.search(new PartyScope.OwnedBy("org-a"), "nordvik", new PageRequest(1, 10));
    Page<CaseSummary> forPlatform = index.search(
        PartyScope.of(new Organisation("p", "P", Role.PLATFORM, "demo-market", List.of())), "", new PageRequest(1, 10));
    Page<CaseSummary> forRegulator = index.search(new PartyScope.InJurisdictions(List.of("US")), "nordvik",
        new PageRequest(1, 10));

    assertEquals(1, forA.total());
    assertEquals(own.id(), forA.items().get(0).id());
    assertEquals(0, forPlatform.total());
    assertEquals(2, forRegulator.total());
    assertTrue(index.healthy());
  }

  @Test
  void aStaleVersionNeverOverwritesANewerDocument() throws Exception {
    CaseSummary v2 = withStatus(kase("org-c", "LUMORA headphones", 2), CaseStatus.CONFIRMED);
    index.index(v2);
    index.index(withStatus(v2, CaseStatus.DETECTED, 1));
    refresh();

    Page<CaseSummary> p = index.search(new PartyScope.OwnedBy("org-c"), "", new PageRequest(1, 10));
    assertEquals(CaseStatus.CONFIRMED, p.items().get(0).status());
  }

  @Test
  void aBulkWriteIndexesEveryCaseAndSkipsVersionsAlreadyThereOrNewer() throws Exception {
    CaseSummary newer = withStatus(kase("org-d", "VELTA kettle", 3), CaseStatus.CONFIRMED);
    index.index(newer);
    CaseSummary fresh = kase("org-d", "VELTA toaster", 1);

    // the stale copy (409) and a case already there at this version (409) do not fail the batch
    index.indexAll(List.of(withStatus(newer, CaseStatus.DETECTED, 1), fresh, kase("org-d", "VELTA blender", 1)));
    index.indexAll(List.of(fresh));
    refresh();

    Page<CaseSummary> p = index.search(new PartyScope.OwnedBy("org-d"), "", new PageRequest(1, 10));
    assertEquals(3, p.total());
    assertEquals(CaseStatus.CONFIRMED, p.items().stream().filter(k -> k.id().equals(newer.id())).findFirst()
        .orElseThrow().status());
  }

  @Test
  void aBulkWriteTheIndexRefusesThrowsSoTheBatchIsRetried() throws Exception {
    try (ElasticsearchCaseIndex closed = new ElasticsearchCaseIndex(URL, INDEX + "-closed")) {
      closed.ensureIndex();
      try {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(URL + "/" + INDEX + "-closed/_close"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThrows(CaseIndex.CaseIndexUnavailableException.class,
            () -> closed.indexAll(List.of(kase("org-e", "LUMORA speaker", 1))));
      } finally {
        deleteQuietly(INDEX + "-closed");
      }
    }
  }

  private static void deleteQuietly(String name) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(URL + "/" + name)).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      // best effort: the test node is thrown away with the JVM
    }
  }

  private static CaseSummary kase(String owner, String title, long version) {
    Instant now = Instant.parse("2025-03-01T10:15:30Z");
    return new CaseSummary(UUID.randomUUID(), "l-" + UUID.randomUUID(), "tm-x", owner, "demo-market", "US",
        CaseStatus.DETECTED, "BRAND_USE", 0.9, title, "https://demo-market.example/x", "demo-market:s", "Seller",
        false, null, now, now, now, version, 50.0, false, null);
  }

  private static CaseSummary withStatus(CaseSummary c, CaseStatus s) {
    return withStatus(c, s, c.version());
  }

  private static CaseSummary withStatus(CaseSummary c, CaseStatus s, long version) {
    return new CaseSummary(c.id(), c.listingId(), c.assetId(), c.ownerOrg(), c.marketplace(), c.jurisdiction(), s,
        c.kind(), c.score(), c.title(), c.url(), c.sellerId(), c.sellerName(), c.noticeSent(), c.referredToOrg(),
        c.detectedAt(), c.createdAt(), c.updatedAt(), version, c.priority(), c.legalHold(), c.nextDeadline());
  }

  private static void refresh() throws Exception {
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(URL + "/" + INDEX + "/_refresh"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
  }
}
