package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Flag;
import ipwatch.model.Json;
import ipwatch.model.Topics;
import ipwatch.model.config.Config;
import ipwatch.stream.common.JobRuntime;
import ipwatch.stream.common.PipelineParallelism;
import ipwatch.stream.elastic.SearchDocument;
import ipwatch.stream.elastic.SearchIndexJob;
import ipwatch.stream.kafka.KafkaIo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search indexing must never hold back a flag: Elasticsearch indexes every listing and is the first part to slow down
 * under load, while flags are what users wait for, and they are exactly-once, committed only when a checkpoint of
 * their job completes. Here the listing index is stalled outright (its writer blocks until the test releases it),
 * which also stops every checkpoint of the search job; the counterfeit's flag must still be committed to
 * {@code infringements} and then indexed. With the Elasticsearch writer inside the match job (until 2026-11-22) the
 * flag was never committed while the index stalled.
 */
class StalledSearchIndexIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  private static final int FILLERS = 5_000;
  private static final Queue<SearchDocument> INDEXED = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger LISTING_WRITES_WAITING = new AtomicInteger();
  private static final CountDownLatch RELEASE_LISTING_INDEX = new CountDownLatch(1);

  private static ItKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = ItKafka.start("kafka-stalled-search-index-it");
  }

  @AfterAll
  static void stopKafka() {
    RELEASE_LISTING_INDEX.countDown();
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aStalledSearchIndexHoldsBackNoCommittedFlag() throws Exception {
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      ItKafka.sendDemoRegistry(producer);
      producer.send(ItKafka.listing(TestData.genuine("l-genuine")));
      for (int i = 0; i < FILLERS; i++) {
        producer.send(ItKafka.listing(TestData.unrelated("l-unrelated-" + i)));
      }
      producer.send(ItKafka.listing(TestData.counterfeit("l-counterfeit")));
      producer.flush();
    }
    Config config = kafka.config(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "stalled-search-it",
        "IPWATCH_KAFKA_CONSUMER_GROUP", "stalled-search-it"));
    JobRuntime runtime = JobRuntime.from(config, "kafka");
    StreamExecutionEnvironment searchEnv = StreamExecutionEnvironment.getExecutionEnvironment();
    searchEnv.setParallelism(2);
    new SearchIndexJob(KafkaIo.searchListingsSource(runtime, true), KafkaIo.searchFlagsSource(runtime, false),
        new StalledListingIndex(), "listings", "flags", runtime, new PipelineParallelism(0)).build(searchEnv);
    JobClient search = searchEnv.executeAsync(SearchIndexJob.NAME);
    awaitTrue(() -> LISTING_WRITES_WAITING.get() >= 1, Duration.ofSeconds(90));

    MatchJobSettings settings = MatchJobSettings.from(config);
    StreamExecutionEnvironment matchEnv = StreamExecutionEnvironment.getExecutionEnvironment();
    matchEnv.setParallelism(2);
    new MatchJob(KafkaIo.listingsSource(settings.runtime(), false), KafkaIo.registrySource(settings.runtime(), false),
        KafkaIo.flagSink(settings.runtime()), KafkaIo.deadLetterSink(settings.runtime()), settings).build(matchEnv);
    JobClient match = matchEnv.executeAsync(MatchJob.NAME);
    try {
      awaitTrue(() -> !committedFlags().isEmpty() && INDEXED.stream().anyMatch(d -> d.index().equals("flags")),
          Duration.ofSeconds(90));
      assertEquals(List.of("l-counterfeit"), committedFlags().stream().map(Flag::listingId).toList());
      assertTrue(INDEXED.stream().noneMatch(d -> d.index().equals("listings")),
          "the listing index was stalled all along, yet the flag was committed and indexed");
    } finally {
      RELEASE_LISTING_INDEX.countDown();
      match.cancel().get(30, TimeUnit.SECONDS);
    }
    awaitTrue(() -> INDEXED.stream().filter(d -> d.index().equals("listings")).count() == FILLERS + 2,
        Duration.ofSeconds(90));
    search.cancel().get(30, TimeUnit.SECONDS);
    assertEquals(1, INDEXED.stream().filter(d -> d.index().equals("flags")).count());
  }

  private static List<Flag> committedFlags() {
    return kafka.readCommitted(Topics.INFRINGEMENTS.name()).stream().map(r -> Json.read(r.value(), Flag.class))
        .toList();
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + timeout + ": indexed " + INDEXED.size()
          + ", listing writes waiting " + LISTING_WRITES_WAITING);
      Thread.sleep(200);
    }
  }

  /** Indexes flag documents at once; a listing document waits until the test releases the index. */
  private static final class StalledListingIndex implements Sink<SearchDocument> {
    @Override
    public SinkWriter<SearchDocument> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(SearchDocument doc, Context c) throws InterruptedException {
          if (doc.index().equals("listings")) {
            LISTING_WRITES_WAITING.incrementAndGet();
            RELEASE_LISTING_INDEX.await();
          }
          INDEXED.add(doc);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
