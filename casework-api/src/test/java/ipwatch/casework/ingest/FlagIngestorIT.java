package ipwatch.casework.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.model.Flag;
import ipwatch.model.Trademark;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingestion core against a real PostgreSQL: flags become cases exactly once, bad records become dead letters. */
class FlagIngestorIT {
  private static Vertx vertx;
  private static Pool pool;
  private static FlagIngestor ingestor;

  @BeforeAll
  static void database() {
    vertx = Vertx.vertx();
    pool = TestPostgres.migratedPool(vertx);
    Await.result(new RegistryStore(pool).upsert(List.of(new Trademark("tm-nordvik", "org-nordvik", "NORDVIK",
        List.of(25), List.of("EU", "US"), List.of(), List.of()))));
    ingestor = new FlagIngestor(pool, new JurisdictionResolver(
        new CaseworkSettings.CaseDefaults("US", Map.of("demo-market", "CN"))));
  }

  @AfterAll
  static void close() {
    Await.result(pool.close());
    Await.result(vertx.close());
  }

  @Test
  void theSameFlagTwiceOpensOneCaseWithOneOpenedEvent() {
    Flag flag = TestFlags.flag("listing-twice", "tm-nordvik", "org-nordvik", "demo-market", "NORDVIK parka");

    IngestOutcome first = Await.result(ingestor.ingest("infringements/0/1", TestFlags.bytes(flag)));
    IngestOutcome second = Await.result(ingestor.ingest("infringements/0/1", TestFlags.bytes(flag)));

    CaseSummary opened = assertInstanceOf(IngestOutcome.Opened.class, first).kase();
    CaseSummary again = assertInstanceOf(IngestOutcome.AlreadyOpen.class, second).kase();
    assertEquals(opened.id(), again.id());
    assertEquals(CaseStatus.DETECTED, opened.status());
    assertEquals(1L, count("SELECT count(*) FROM cases WHERE listing_id = $1", "listing-twice"));
    assertEquals(1L, count("SELECT count(*) FROM case_events WHERE case_id = $1 AND type = 'CASE_OPENED'",
        opened.id()));
  }

  @Test
  void aReplayedFlagFromAnotherOffsetStillFindsTheSameCase() {
    Flag flag = TestFlags.flag("listing-replayed", "tm-nordvik", "org-nordvik", "demo-market", "NORDVIK jacket");

    Await.result(ingestor.ingest("infringements/0/7", TestFlags.bytes(flag)));
    IngestOutcome replay = Await.result(ingestor.ingest("infringements/1/99", TestFlags.bytes(flag)));

    assertInstanceOf(IngestOutcome.AlreadyOpen.class, replay);
    assertEquals(1L, count("SELECT count(*) FROM cases WHERE listing_id = $1", "listing-replayed"));
  }

  @Test
  void theCaseTakesTheAssetsFirstJurisdictionAndTheRegisteredOwner() {
    Flag flag = TestFlags.flag("listing-jur", "tm-nordvik", "someone-else", "demo-market", "NORDVIK boots");

    CaseSummary c = Await.result(ingestor.ingest("infringements/0/20", TestFlags.bytes(flag))).foundCase().get();

    assertEquals("EU", c.jurisdiction());
    assertEquals("org-nordvik", c.ownerOrg());
  }

  @Test
  void anUnknownAssetFallsBackToTheMarketplaceJurisdictionAndTheFlagsOwner() {
    Flag flag = TestFlags.flag("listing-unknown", "tm-unregistered", "org-lumora", "demo-market", "thing");

    CaseSummary c = Await.result(ingestor.ingest("infringements/0/21", TestFlags.bytes(flag))).foundCase().get();

    assertEquals("CN", c.jurisdiction());
    assertEquals("org-lumora", c.ownerOrg());
  }

  @Test
  void aMalformedRecordBecomesADeadLetterWithItsCause() {
    byte[] raw = "{\"flagId\": \"x\", \"score\": ".getBytes(StandardCharsets.UTF_8);

    IngestOutcome outcome = Await.result(ingestor.ingest("infringements/0/30", raw));

    assertInstanceOf(IngestOutcome.DeadLettered.class, outcome);
    Row row = Await.result(pool.preparedQuery("SELECT raw, cause FROM ingest_dead_letters WHERE source = $1")
        .execute(Tuple.of("infringements/0/30"))).iterator().next();
    assertEquals("{\"flagId\": \"x\", \"score\": ", row.getBuffer("raw").toString(StandardCharsets.UTF_8));
    assertTrue(row.getString("cause").contains("not a valid Flag"), row.getString("cause"));
  }

  @Test
  void aRecordMissingRequiredFieldsIsDeadLetteredNotOpened() {
    byte[] raw = "{\"flagId\":\"f\",\"assetId\":\"tm-nordvik\",\"score\":0.9}".getBytes(StandardCharsets.UTF_8);

    IngestOutcome outcome = Await.result(ingestor.ingest("infringements/0/31", raw));

    assertTrue(assertInstanceOf(IngestOutcome.DeadLettered.class, outcome).cause().contains("listingId"));
  }

  @Test
  void bytesThatAreNotUtf8AreDeadLetteredVerbatim() {
    byte[] raw = {(byte) 0xC3, (byte) 0x28, 0x7B};

    Await.result(ingestor.ingest("infringements/0/32", raw));

    Row row = Await.result(pool.preparedQuery("SELECT raw, cause FROM ingest_dead_letters WHERE source = $1")
        .execute(Tuple.of("infringements/0/32"))).iterator().next();
    assertEquals(3, row.getBuffer("raw").length());
    assertTrue(row.getString("cause").contains("UTF-8"));
  }

  @Test
  void aRecordTheDatabaseRefusesIsDeadLetteredInsteadOfRetriedForever() {
    Flag flag = TestFlags.flag("listing-nul", "tm-nordvik", "org-nordvik", "demo-market", "bad \u0000 title");

    IngestOutcome outcome = Await.result(ingestor.ingest("infringements/0/33", TestFlags.bytes(flag)));

    assertTrue(assertInstanceOf(IngestOutcome.DeadLettered.class, outcome).cause().startsWith("refused"));
    assertEquals(0L, count("SELECT count(*) FROM cases WHERE listing_id = $1", "listing-nul"));
  }

  @Test
  void theSameBadRecordReplayedLeavesOneDeadLetter() {
    byte[] raw = "not json".getBytes(StandardCharsets.UTF_8);

    Await.result(ingestor.ingest("infringements/2/5", raw));
    Await.result(ingestor.ingest("infringements/2/5", raw));

    assertEquals(1L, count("SELECT count(*) FROM ingest_dead_letters WHERE source = $1", "infringements/2/5"));
  }

  private static long count(String sql, Object arg) {
    return Await.result(pool.preparedQuery(sql).execute(Tuple.of(arg))).iterator().next().getLong(0);
  }
}
