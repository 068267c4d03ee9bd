package ipwatch.casework.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.search.ElasticsearchCaseIndex;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.SearchOutbox;
import ipwatch.casework.testing.TestElasticsearch;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.model.Flag;
import ipwatch.model.Trademark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FlagIngestor#ingestBatch} and {@link ElasticsearchCaseIndex#indexAll} as {@link InfringementsConsumer} uses
 * them per poll, against a real PostgreSQL and Elasticsearch, with an SSE alert subscription so every opened case
 * raises an alert row: bad records mid-batch are dead-lettered alone, a replayed batch writes nothing, a flag twice in
 * one batch opens one case.
 */
class BatchIngestionIT {
  private static final String INDEX = "cases-batch-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String OWNER = "org-nordvik";
  private static Vertx vertx;
  private static Pool pool;
  private static FlagIngestor ingestor;
  private static ElasticsearchCaseIndex index;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pool = TestPostgres.migratedPool(vertx);
    Await.result(new RegistryStore(pool).upsert(List.of(new Trademark("tm-nordvik", OWNER, "NORDVIK",
        List.of(25), List.of("US"), List.of(), List.of()))));
    Await.result(pool.query("INSERT INTO organisations (id, name, role) VALUES ('" + OWNER
        + "', 'Nordvik', 'RIGHTS_HOLDER') ON CONFLICT (id) DO NOTHING").execute());
    Await.result(pool.preparedQuery("INSERT INTO alert_subscriptions (id, org_id, events, channel, created_by,"
            + " created_at) VALUES ($1, $2, ARRAY['CASE_OPENED'], 'sse', 'test', now())")
        .execute(Tuple.of(UUID.randomUUID(), OWNER)));
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

  /**
   * Like the consumer's poll handler (one transaction), then the 'search' outbox relay as casework-api runs it: one
   * query and one bulk request for the cases the transaction queued.
   */
  private static List<IngestOutcome> ingestPoll(List<SourcedRecord> batch) throws InterruptedException {
    List<IngestOutcome> outcomes = Await.result(ingestor.ingestBatch(batch));
    SearchOutbox.drain(vertx, pool, index);
    return outcomes;
  }

  private static SourcedRecord good(String source, String listing, String word) {
    return new SourcedRecord(source, TestFlags.bytes(flag(listing, word)));
  }

  private static Flag flag(String listing, String word) {
    return TestFlags.flag(listing, "tm-nordvik", OWNER, "demo-market", "NORDVIK " + word);
  }

  /** Good flags with an unreadable record, one PostgreSQL refuses (NUL in the title) and non-UTF-8 bytes between. */
  private static List<SourcedRecord> mixedBatch(String prefix) {
    return List.of(
        good(prefix + "/0", prefix + "-a", prefix + "alpha"),
        new SourcedRecord(prefix + "/1", "{not json".getBytes(StandardCharsets.UTF_8)),
        good(prefix + "/2", prefix + "-b", prefix + "bravo"),
        new SourcedRecord(prefix + "/3", TestFlags.bytes(flag(prefix + "-nul", "bad \u0000 title"))),
        good(prefix + "/4", prefix + "-c", prefix + "charlie"),
        new SourcedRecord(prefix + "/5", new byte[] {(byte) 0xC3, (byte) 0x28}),
        good(prefix + "/6", prefix + "-d", prefix + "delta"));
  }

  @Test
  void badRecordsMidBatchAreDeadLetteredWithTheirCauseAndEveryGoodFlagOpensOneSearchableCase() throws Exception {
    List<IngestOutcome> outcomes = ingestPoll(mixedBatch("mix"));

    assertEquals(7, outcomes.size());
    for (int i : new int[] {0, 2, 4, 6}) {
      assertInstanceOf(IngestOutcome.Opened.class, outcomes.get(i), "record " + i);
    }
    assertTrue(assertInstanceOf(IngestOutcome.DeadLettered.class, outcomes.get(1)).cause().contains("not a valid Flag"));
    assertTrue(assertInstanceOf(IngestOutcome.DeadLettered.class, outcomes.get(3)).cause().startsWith("refused"));
    assertTrue(assertInstanceOf(IngestOutcome.DeadLettered.class, outcomes.get(5)).cause().contains("UTF-8"));
    assertTrue(deadLetterCause("mix/1").contains("not a valid Flag"));
    assertTrue(deadLetterCause("mix/3").startsWith("refused by the database"));
    assertTrue(deadLetterCause("mix/5").contains("UTF-8"));
    assertEquals(0L, count("SELECT count(*) FROM cases WHERE listing_id = $1", "mix-nul"));
    for (String listing : List.of("mix-a", "mix-b", "mix-c", "mix-d")) {
      assertEquals(1L, count("SELECT count(*) FROM cases WHERE listing_id = $1", listing), listing);
      assertEquals(1L, count("SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id"
          + " WHERE c.listing_id = $1 AND e.type = 'CASE_OPENED'", listing), listing);
      assertEquals(1L, count("SELECT count(*) FROM party_events p JOIN cases c ON c.id = p.case_id"
          + " WHERE c.listing_id = $1 AND p.event = 'alert'", listing), listing);
    }
    TestElasticsearch.refresh(INDEX);
    for (String word : List.of("mixalpha", "mixbravo", "mixcharlie", "mixdelta")) {
      assertEquals(1, index.search(new PartyScope.OwnedBy(OWNER), filter(word), new PageRequest(1, 10)).total(),
          word);
    }
  }

  @Test
  void theSameBatchReplayedOpensNothingWritesNoEventAndRaisesNoAlert() throws Exception {
    List<SourcedRecord> batch = mixedBatch("replay");
    // without a record PostgreSQL refuses, so it stays on the one-transaction path both times
    List<SourcedRecord> clean = List.of(good("clean/0", "clean-a", "cleanalpha"),
        new SourcedRecord("clean/1", "[]".getBytes(StandardCharsets.UTF_8)), good("clean/2", "clean-b", "cleanbravo"));
    List<IngestOutcome> first = ingestPoll(batch);
    List<IngestOutcome> firstClean = ingestPoll(clean);
    List<Long> before = totals();

    List<IngestOutcome> again = ingestPoll(batch);
    List<IngestOutcome> againClean = ingestPoll(clean);

    assertEquals(before, totals());
    assertInstanceOf(IngestOutcome.Opened.class, firstClean.get(0));
    assertInstanceOf(IngestOutcome.AlreadyOpen.class, againClean.get(0));
    assertInstanceOf(IngestOutcome.DeadLettered.class, againClean.get(1));
    assertInstanceOf(IngestOutcome.AlreadyOpen.class, againClean.get(2));
    for (int i : new int[] {0, 2, 4, 6}) {
      CaseSummary opened = assertInstanceOf(IngestOutcome.Opened.class, first.get(i)).kase();
      CaseSummary found = assertInstanceOf(IngestOutcome.AlreadyOpen.class, again.get(i)).kase();
      assertEquals(opened.id(), found.id());
      assertEquals(opened.version(), found.version());
    }
    for (int i : new int[] {1, 3, 5}) {
      assertInstanceOf(IngestOutcome.DeadLettered.class, again.get(i));
    }
  }

  @Test
  void aFlagTwiceInOneBatchOpensOneCaseWithOneEventAndOneAlert() throws Exception {
    List<IngestOutcome> outcomes = ingestPoll(List.of(
        good("dup/0", "dup-a", "dupparka"), good("dup/1", "dup-b", "dupboots"), good("dup/2", "dup-a", "dupparka")));

    CaseSummary opened = assertInstanceOf(IngestOutcome.Opened.class, outcomes.get(0)).kase();
    assertEquals(opened.id(), assertInstanceOf(IngestOutcome.AlreadyOpen.class, outcomes.get(2)).kase().id());
    assertEquals(1L, count("SELECT count(*) FROM cases WHERE listing_id = $1", "dup-a"));
    assertEquals(1L, count("SELECT count(*) FROM case_events WHERE case_id = $1 AND type = 'CASE_OPENED'",
        opened.id()));
    assertEquals(1L, count("SELECT count(*) FROM party_events WHERE case_id = $1 AND event = 'alert'", opened.id()));
    assertEquals(1L, count("SELECT count(*) FROM outbox WHERE channel = 'search' AND msg_key = $1",
        opened.id().toString()), "queued for search once: the repeat found the case open and wrote nothing");
    TestElasticsearch.refresh(INDEX);
    assertEquals(1, index.search(new PartyScope.OwnedBy(OWNER), filter("dupparka"), new PageRequest(1, 10)).total());
  }

  @Test
  void aFlagRescoredLaterInTheSameBatchIsIndexedAtItsLatestVersion() throws Exception {
    Flag first = flag("resc-a", "rescparka");
    Flag higher = new Flag(first.flagId(), first.listingId(), first.assetId(), first.assetType(), first.owner(),
        first.kind(), 0.99, first.signals(), first.evidence(), first.detectedAt(), "test-2", first.listing());

    List<IngestOutcome> outcomes = ingestPoll(List.of(new SourcedRecord("resc/0", TestFlags.bytes(first)),
        new SourcedRecord("resc/1", TestFlags.bytes(higher))));

    CaseSummary rescored = assertInstanceOf(IngestOutcome.Rescored.class, outcomes.get(1)).kase();
    TestElasticsearch.refresh(INDEX);
    CaseSummary hit = index.search(new PartyScope.OwnedBy(OWNER), filter("rescparka"), new PageRequest(1, 10))
        .items().get(0);
    assertEquals(0.99, hit.score());
    assertEquals(rescored.version(), hit.version());
  }

  @Test
  void aLargePollOfInterleavedFlagsOpensOneCasePerListingAndAssetAndAnswersInRecordOrder() throws Exception {
    int cases = 120;
    List<SourcedRecord> poll = new ArrayList<>();
    for (int round = 0; round < 3; round++) { // every case three times, the rounds interleaved
      for (int c = 0; c < cases; c++) {
        poll.add(good("big/" + poll.size(), "big-" + c, "bigword" + c));
      }
    }
    List<IngestOutcome> outcomes = ingestPoll(poll);

    assertEquals(poll.size(), outcomes.size());
    for (int i = 0; i < poll.size(); i++) {
      Class<?> expected = i < cases ? IngestOutcome.Opened.class : IngestOutcome.AlreadyOpen.class;
      assertInstanceOf(expected, outcomes.get(i), "record " + i);
      CaseSummary kase = outcomes.get(i) instanceof IngestOutcome.Opened o
          ? o.kase() : ((IngestOutcome.AlreadyOpen) outcomes.get(i)).kase();
      assertEquals("big-" + (i % cases), kase.listingId(), "the outcome of record " + i + " is its own case's");
    }
    assertEquals((long) cases, count("SELECT count(*) FROM cases WHERE listing_id LIKE $1", "big-%"));
    assertEquals((long) cases, count("SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id"
        + " WHERE c.listing_id LIKE $1 AND e.type = 'CASE_OPENED'", "big-%"));
    assertEquals((long) cases, count("SELECT count(*) FROM party_events p JOIN cases c ON c.id = p.case_id"
        + " WHERE c.listing_id LIKE $1 AND p.event = 'alert'", "big-%"));
  }

  /** Cases, case events, alert rows (SSE and webhook outbox) and dead letters: what a replay must not add to. */
  private static List<Long> totals() {
    List<Long> out = new ArrayList<>();
    for (String table : List.of("cases", "case_events", "party_events", "outbox", "ingest_dead_letters")) {
      out.add(Await.result(pool.query("SELECT count(*) FROM " + table).execute()).iterator().next().getLong(0));
    }
    return out;
  }

  private static String deadLetterCause(String source) {
    Row row = Await.result(pool.preparedQuery("SELECT cause FROM ingest_dead_letters WHERE source = $1")
        .execute(Tuple.of(source))).iterator().next();
    return row.getString("cause");
  }

  private static long count(String sql, Object arg) {
    return Await.result(pool.preparedQuery(sql).execute(Tuple.of(arg))).iterator().next().getLong(0);
  }

  private static CaseFilter filter(String text) {
    return new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
        Optional.empty(), Optional.of(text));
  }
}
