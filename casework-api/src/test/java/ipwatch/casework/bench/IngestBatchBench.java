package ipwatch.casework.bench;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.ingest.SourcedRecord;
import ipwatch.casework.outbox.OutboxRelay;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.search.CaseIndex;
import ipwatch.casework.search.CaseReindexer;
import ipwatch.casework.search.ElasticsearchCaseIndex;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.SearchOutbox;
import ipwatch.casework.testing.TestElasticsearch;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.model.Flag;
import ipwatch.model.Trademark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cases per second of flag ingestion as casework-api runs it now, against the way it began, on embedded PostgreSQL
 * (synchronous_commit on, so every COMMIT waits for its WAL flush) and, unless {@code --index false}, the test
 * Elasticsearch node. The same kind of flags (each a new listing) go in:
 * <ul>
 *   <li>one by one: one transaction and one index request per flag (the consumer before issue 9);
 *   <li>a poll at a time: one transaction per {@code --batch} flags ({@link FlagIngestor#ingestBatch}), with the
 *       'search' outbox relay running beside it as in casework-api (every 250 ms, one query and one bulk request per
 *       round). Timed twice: until the last case is open, and until every case is searchable.
 * </ul>
 * Kafka is left out: both modes read the same bytes, the difference is in the writes. Five listings per seller, so the
 * priority's seller-history query stays as small as with many sellers.
 *
 * <p>Args: {@code [--flags 2000] [--batch 500] [--index true] [--batchedFirst false]}. Figures on stdout.
 */
public final class IngestBatchBench {
  private IngestBatchBench() {}

  public static void main(String[] args) throws Exception {
    int flags = Integer.parseInt(WebhookThroughputBench.arg(args, "--flags", "2000"));
    int batch = Integer.parseInt(WebhookThroughputBench.arg(args, "--batch", "500"));
    boolean indexed = Boolean.parseBoolean(WebhookThroughputBench.arg(args, "--index", "true"));
    TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
    Vertx vertx = Vertx.vertx();
    Pool setup = db.pool(vertx);
    Await.result(setup.query("ALTER DATABASE " + db.name() + " SET synchronous_commit = on").execute());
    Await.result(setup.close());
    Pool pool = db.pool(vertx);
    Await.result(ipwatch.casework.db.Migrations.migrate(pool));
    Await.result(new RegistryStore(pool).upsert(List.of(new Trademark("tm-us", "org-nordvik", "NORDVIK",
        List.of(25), List.of("US"), List.of(), List.of()))));
    FlagIngestor ingestor = new FlagIngestor(pool, new JurisdictionResolver(new CaseworkSettings.CaseDefaults("US",
        Map.of())));
    String indexName = "cases-bench-" + UUID.randomUUID().toString().substring(0, 8);
    try (CaseIndex index = indexed ? new ElasticsearchCaseIndex(TestElasticsearch.url(), indexName)
        : new UnindexedCases()) {
      index.ensureIndex();
      // warm-up: JIT, prepared statements, the index's first segments
      oneByOne(pool, ingestor, index, records("warm-a", 200));
      perPoll(vertx, pool, ingestor, index, records("warm-b", 200), batch);

      // the table grows as the runs go, so the second mode meets more rows; --batchedFirst swaps the order
      boolean batchedFirst = Boolean.parseBoolean(WebhookThroughputBench.arg(args, "--batchedFirst", "false"));
      double single = 0;
      double[] batched = null;
      for (int run = 0; run < 2; run++) {
        if ((run == 0) == batchedFirst) {
          batched = perPoll(vertx, pool, ingestor, index, records("batched", flags), batch);
        } else {
          single = oneByOne(pool, ingestor, index, records("single", flags));
        }
      }

      System.out.printf("flags %d, batch %d, search index %s, %s first, cores %d%n", flags, batch,
          indexed ? "on" : "off", batchedFirst ? "batched" : "one-by-one", Runtime.getRuntime().availableProcessors());
      System.out.printf("one transaction + one index request per flag            %8.1f cases/s%n", single);
      System.out.printf("one transaction per poll, search relay beside: open     %8.1f cases/s  (x%.1f)%n", batched[0],
          batched[0] / single);
      System.out.printf("                                              searchable %8.1f cases/s  (x%.1f)%n",
          batched[1], batched[1] / single);
    } finally {
      Await.result(pool.close());
      Await.result(vertx.close());
      System.exit(0); // the embedded database and Elasticsearch node stop with the JVM
    }
  }

  private static List<SourcedRecord> records(String prefix, int n) {
    List<SourcedRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String listing = prefix + "-" + i + "-" + System.nanoTime();
      Flag f = TestFlags.flag(listing, "tm-us", "org-nordvik", "demo-market", "NORDVIK parka " + i);
      // five listings per seller: the priority's seller-history count stays small, as with many sellers
      Flag.FlaggedListing l = f.listing();
      Flag.FlaggedListing bySeller = new Flag.FlaggedListing(l.marketplace(), l.url(), l.title(),
          "demo-market:" + prefix + "-seller-" + i / 5, l.sellerName(), l.price(), l.snapshot());
      out.add(new SourcedRecord("bench/0/" + listing, TestFlags.bytes(new Flag(f.flagId(), f.listingId(),
          f.assetId(), f.assetType(), f.owner(), f.kind(), f.score(), f.signals(), f.evidence(), f.detectedAt(),
          f.matcherVersion(), bySeller))));
    }
    return out;
  }

  /** Cases per second, each flag in its own transaction and indexed by itself before the next. */
  private static double oneByOne(Pool pool, FlagIngestor ingestor, CaseIndex index, List<SourcedRecord> records) {
    long t0 = System.nanoTime();
    for (SourcedRecord r : records) {
      Await.result(ingestor.ingest(r.source(), r.raw())).foundCase().ifPresent(index::index);
    }
    double rate = records.size() / ((System.nanoTime() - t0) / 1e9);
    // this path indexed its cases itself: the 'search' rows ingestion now queues for them are not the relay's to send
    Await.result(pool.query("UPDATE outbox SET published_at = now() WHERE channel = 'search' AND published_at IS NULL")
        .execute());
    return rate;
  }

  /** Cases per second until the last one is open, and until every one is searchable. */
  private static double[] perPoll(Vertx vertx, Pool pool, FlagIngestor ingestor, CaseIndex index,
      List<SourcedRecord> records, int batch) throws InterruptedException {
    try (OutboxRelay relay = new OutboxRelay(vertx, pool, "search", new CaseReindexer(new Cases(pool), index), 50)
        .start(Duration.ofMillis(250))) {
      long t0 = System.nanoTime();
      for (int from = 0; from < records.size(); from += batch) {
        Await.result(ingestor.ingestBatch(records.subList(from, Math.min(records.size(), from + batch))));
      }
      double open = records.size() / ((System.nanoTime() - t0) / 1e9);
      while (SearchOutbox.pending(pool) > 0) {
        Thread.sleep(10);
      }
      return new double[] {open, records.size() / ((System.nanoTime() - t0) / 1e9)};
    }
  }
}
