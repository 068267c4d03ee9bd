package ipwatch.casework.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Page;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.search.ElasticsearchCaseIndex;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestElasticsearch;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.model.Flag;
import ipwatch.model.Trademark;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flag for a listing and asset that already have a case, against a real PostgreSQL and Elasticsearch: a changed
 * score or changed signals re-score the case (score, priority, version, search document) with one FLAG_UPDATED audit
 * event; the identical flag replayed changes nothing.
 */
class ReflaggingIT {
  private static final String INDEX = "cases-reflag-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static Vertx vertx;
  private static Pool pool;
  private static FlagIngestor ingestor;
  private static ElasticsearchCaseIndex index;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pool = TestPostgres.migratedPool(vertx);
    Await.result(new RegistryStore(pool).upsert(List.of(new Trademark("tm-nordvik", "org-nordvik", "NORDVIK",
        List.of(25), List.of("US"), List.of(), List.of()))));
    ingestor = new FlagIngestor(pool, new JurisdictionResolver(new CaseworkSettings.CaseDefaults("US", Map.of())));
    index = new ElasticsearchCaseIndex(TestElasticsearch.url(), INDEX);
    index.ensureIndex();
  }

  @AfterAll
  static void stop() throws Exception {
    TestElasticsearch.deleteIndex(INDEX);
    index.close();
    Await.result(pool.close());
    Await.result(vertx.close());
  }

  private static Flag rescored(Flag f, double score, List<Flag.Signal> signals) {
    return new Flag(f.flagId(), f.listingId(), f.assetId(), f.assetType(), f.owner(), f.kind(), score, signals,
        f.evidence(), f.detectedAt(), "test-2", f.listing());
  }

  /** Ingests like the consumer does: the case, then its search document. */
  private static IngestOutcome ingest(String source, Flag f) {
    IngestOutcome o = Await.result(ingestor.ingest(source, TestFlags.bytes(f)));
    o.foundCase().ifPresent(index::index);
    return o;
  }

  @Test
  void aChangedScoreUpdatesScorePriorityAndSearchDocumentWithOneAuditEvent() throws Exception {
    Flag first = TestFlags.flag("rfscore", "tm-nordvik", "org-nordvik", "demo-market", "NORDVIK parka");
    CaseSummary opened = assertInstanceOf(IngestOutcome.Opened.class, ingest("infringements/0/1", first)).kase();

    Flag lower = rescored(first, 0.55, first.signals());
    CaseSummary after = assertInstanceOf(IngestOutcome.Rescored.class, ingest("infringements/0/2", lower)).kase();

    assertEquals(opened.id(), after.id());
    assertEquals(0.55, after.score());
    assertEquals(opened.version() + 1, after.version());
    // the score is half of the priority: 0.36 less score is 18 points less
    assertEquals(opened.priority() - 18.0, after.priority(), 0.11);
    Row event = event(opened.id());
    assertEquals(0.91, event.getJsonObject("before").getDouble("score"));
    assertEquals(0.55, event.getJsonObject("after").getDouble("score"));
    assertEquals(after.priority(), event.getJsonObject("after").getDouble("priority"));
    assertEquals(1L, count(opened.id(), FlagRescoring.FLAG_UPDATED));

    TestElasticsearch.refresh(INDEX);
    Page<CaseSummary> found = index.search(new PartyScope.OwnedBy("org-nordvik"), filter("rfscore"),
        new PageRequest(1, 10));
    assertEquals(1, found.total());
    assertEquals(0.55, found.items().get(0).score());
    assertEquals(after.priority(), found.items().get(0).priority());
    assertEquals(after.version(), found.items().get(0).version());
  }

  @Test
  void changedSignalsAloneAlsoRescoreTheCase() {
    Flag first = TestFlags.flag("rfsignals", "tm-nordvik", "org-nordvik", "demo-market", "NORDVIK boots");
    CaseSummary opened = ingest("infringements/0/3", first).foundCase().orElseThrow();
    List<Flag.Signal> more = List.of(first.signals().get(0), new Flag.Signal("LOW_PRICE", 0.3, "40 % of reference"));

    IngestOutcome o = ingest("infringements/0/4", rescored(first, first.score(), more));

    assertInstanceOf(IngestOutcome.Rescored.class, o);
    JsonObject flag = Await.result(pool.preparedQuery("SELECT flag FROM cases WHERE id = $1")
        .execute(Tuple.of(opened.id()))).iterator().next().getJsonObject("flag");
    assertEquals(2, flag.getJsonArray("signals").size());
    assertEquals(1L, count(opened.id(), FlagRescoring.FLAG_UPDATED));
  }

  @Test
  void theIdenticalFlagReplayedChangesNothing() {
    Flag first = TestFlags.flag("rfreplay", "tm-nordvik", "org-nordvik", "demo-market", "NORDVIK gloves");
    ingest("infringements/0/5", first);
    Flag changed = rescored(first, 0.97, first.signals());
    CaseSummary rescored = ingest("infringements/0/6", changed).foundCase().orElseThrow();
    long events = Await.result(pool.preparedQuery("SELECT count(*) FROM case_events WHERE case_id = $1")
        .execute(Tuple.of(rescored.id()))).iterator().next().getLong(0);

    for (int i = 0; i < 3; i++) {
      IngestOutcome again = ingest("infringements/1/" + (10 + i), changed);
      CaseSummary same = assertInstanceOf(IngestOutcome.AlreadyOpen.class, again).kase();
      assertEquals(rescored.version(), same.version());
      assertEquals(rescored.updatedAt(), same.updatedAt());
      assertEquals(0.97, same.score());
    }
    assertEquals(events, Await.result(pool.preparedQuery("SELECT count(*) FROM case_events WHERE case_id = $1")
        .execute(Tuple.of(rescored.id()))).iterator().next().getLong(0));
    assertTrue(count(rescored.id(), FlagRescoring.FLAG_UPDATED) == 1);
  }

  private static CaseFilter filter(String text) {
    return new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
        Optional.empty(), Optional.of(text));
  }

  private static Row event(UUID caseId) {
    return Await.result(pool.preparedQuery("SELECT before, after FROM case_events WHERE case_id = $1 AND type = $2")
        .execute(Tuple.of(caseId, FlagRescoring.FLAG_UPDATED))).iterator().next();
  }

  private static long count(UUID caseId, String type) {
    return Await.result(pool.preparedQuery("SELECT count(*) FROM case_events WHERE case_id = $1 AND type = $2")
        .execute(Tuple.of(caseId, type))).iterator().next().getLong(0);
  }
}
