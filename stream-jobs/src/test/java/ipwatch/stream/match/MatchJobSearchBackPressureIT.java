package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Flag;
import ipwatch.model.Topics;
import ipwatch.stream.elastic.SearchDocument;
import ipwatch.stream.kafka.KafkaIo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Search indexing must never hold back matching: Elasticsearch indexes every listing and is the first part to fall
 * behind under load, while flags are what users wait for. Here the listing index is stalled outright (its writer
 * blocks until the test releases it) and the counterfeit's flag must still come out, and be indexed itself.
 */
class MatchJobSearchBackPressureIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final int FILLERS = 5_000;
  private static final Queue<Flag> FLAGS = new ConcurrentLinkedQueue<>();
  private static final Queue<SearchDocument> INDEXED = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger DEAD_LETTERS = new AtomicInteger();
  private static final AtomicInteger LISTING_WRITES_WAITING = new AtomicInteger();
  private static final CountDownLatch RELEASE_LISTING_INDEX = new CountDownLatch(1);

  private static ItKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = ItKafka.start("kafka-match-search-back-pressure-it");
  }

  @AfterAll
  static void stopKafka() {
    RELEASE_LISTING_INDEX.countDown();
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aStalledListingIndexDoesNotHoldBackTheFlags() throws Exception {
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      ItKafka.sendDemoRegistry(producer);
      producer.send(ItKafka.listing(TestData.genuine("l-genuine")));
      // enough listings ahead of the counterfeit to fill the network buffers towards a stalled index: a source that
      // fed both matching and the index would stop before it reached the counterfeit
      for (int i = 0; i < FILLERS; i++) {
        producer.send(ItKafka.listing(TestData.unrelated("l-unrelated-" + i)));
      }
      producer.send(ItKafka.listing(TestData.counterfeit("l-counterfeit")));
      producer.flush();
    }
    MatchJobSettings settings = kafka.settings(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "search-bp-it"));
    MatchJob job = new MatchJob(
        KafkaIo.listingsSource(settings.runtime(), true), KafkaIo.registrySource(settings.runtime(), true),
        new CollectFlags(), new CountDeadLetters(), new StalledListingIndex(),
        new MatchJob.SearchIndices("listings", "flags"), settings);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    job.build(env);
    JobClient client = env.executeAsync(MatchJob.NAME);

    awaitTrue(() -> !FLAGS.isEmpty() && INDEXED.stream().anyMatch(d -> d.index().equals("flags")),
        Duration.ofSeconds(90));
    assertEquals(List.of("l-counterfeit"), FLAGS.stream().map(Flag::listingId).toList());
    assertTrue(LISTING_WRITES_WAITING.get() >= 1, "the listing index was stalled while the flag came out");
    assertTrue(INDEXED.stream().noneMatch(d -> d.index().equals("listings")), "no listing indexed yet");
    assertEquals(0, DEAD_LETTERS.get());

    RELEASE_LISTING_INDEX.countDown();
    client.getJobExecutionResult().get(90, TimeUnit.SECONDS);
    assertEquals(FILLERS + 2, INDEXED.stream().filter(d -> d.index().equals("listings")).count(),
        "once released, every listing is indexed");
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + timeout + ": flags " + FLAGS + ", indexed "
          + INDEXED.size() + ", listing writes waiting " + LISTING_WRITES_WAITING);
      Thread.sleep(100);
    }
  }

  /** Appends every flag to {@link #FLAGS} (the MiniCluster runs in this JVM; a sink is serialised, so static). */
  private static final class CollectFlags implements Sink<Flag> {
    @Override
    public SinkWriter<Flag> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Flag flag, Context c) {
          FLAGS.add(flag);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  /** No dead letter is expected here; they are counted so that one would show in a failure message. */
  private static final class CountDeadLetters implements Sink<DeadLetter> {
    @Override
    public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(DeadLetter dead, Context c) {
          DEAD_LETTERS.incrementAndGet();
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
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
