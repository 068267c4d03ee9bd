package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import ipwatch.local.infra.ElasticsearchNode;
import ipwatch.local.infra.Ports;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Topics;
import ipwatch.stream.elastic.SearchIndexJob;
import ipwatch.stream.kafka.KafkaIo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault drill 3 (issue 9): Elasticsearch goes down for a minute (-Dipwatch.drill.esDownSeconds) while the match job
 * indexes listings and flags and more listings arrive. The sink backs off, the job restarts from its checkpoints as
 * often as it takes (no attempt limit), and once Elasticsearch is back everything is indexed: document counts equal
 * the distinct ids, and the Kafka flags are still exactly one per counterfeit.
 */
class MatchJobElasticsearchOutageIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
              .build());

  private static final Path ES_DATA = Path.of("target/it-data/elasticsearch-outage").toAbsolutePath();
  private static final Path ZIP =
      Path.of(System.getProperty("ipwatch.esZip", "../local-infra/target/dist/elasticsearch-8.19.21.zip"));
  private static final int LISTINGS = 600;
  private static final Duration DOWN = Duration.ofSeconds(Long.getLong("ipwatch.drill.esDownSeconds", 60));

  @Test
  void afterAMinuteWithoutElasticsearchEveryListingAndFlagIsIndexedOnce() throws Exception {
    ItKafka.deleteTree(ES_DATA);
    int port = Ports.free();
    ElasticsearchNode node = ElasticsearchNode.start(ZIP, ES_DATA, port, "512m");
    try (ItKafka kafka = ItKafka.start("kafka-es-outage-it")) {
      List<Listing> listings = new ArrayList<>();
      for (int i = 0; i < LISTINGS / 3; i++) {
        listings.add(TestData.counterfeit("l-counterfeit-" + i));
        listings.add(TestData.genuine("l-genuine-" + i));
        listings.add(TestData.unrelated("l-unrelated-" + i));
      }
      publish(kafka, TestData.demoRegistry(), listings.subList(0, LISTINGS / 3));
      Map<String, String> env = Map.of(
          "IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "es-outage-it",
          "IPWATCH_ELASTICSEARCH_URL", node.httpUrl(),
          "IPWATCH_ELASTICSEARCH_BULK_ACTIONS", "50");
      MatchJobSettings settings = kafka.settings(env);
      StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment();
      flink.setParallelism(2);
      // matching and search indexing in one job, as production's StreamJobs.buildAll runs them
      new MatchJob(KafkaIo.listingsSource(settings.runtime(), false), KafkaIo.registrySource(settings.runtime(), false),
          KafkaIo.flagSink(settings.runtime()), KafkaIo.deadLetterSink(settings.runtime()), settings).build(flink);
      SearchIndexJob.fromConfig(kafka.config(env)).orElseThrow().build(flink);
      JobClient job = flink.executeAsync("es-outage");

      long beforeOutage = awaitCount(node.httpUrl(), "listings", 1, Duration.ofMinutes(3));
      node.close();
      long downAt = System.nanoTime();
      publish(kafka, List.of(), listings.subList(LISTINGS / 3, LISTINGS)); // arrive while Elasticsearch is down
      Thread.sleep(DOWN.toMillis());
      node = ElasticsearchNode.start(ZIP, ES_DATA, port, "512m");
      long backAt = System.nanoTime();

      long listingDocs = awaitCount(node.httpUrl(), "listings", LISTINGS, Duration.ofMinutes(5));
      long flagDocs = awaitCount(node.httpUrl(), "flags", LISTINGS / 3, Duration.ofMinutes(2));
      long caughtUpMs = (System.nanoTime() - backAt) / 1_000_000;
      Thread.sleep(3_000); // more checkpoints and bulks: a duplicate would be counted now
      long listingDocsLater = count(node.httpUrl(), "listings");
      List<ConsumerRecord<String, String>> flags = kafka.readCommitted(Topics.INFRINGEMENTS.name());
      job.cancel().get();

      System.out.printf("[drill 3] Elasticsearch down %d s (%d listings indexed before); caught up %d ms after it was "
          + "back: %d listing and %d flag documents; %d Kafka flags%n", (backAt - downAt) / 1_000_000_000L,
          beforeOutage, caughtUpMs, listingDocsLater, flagDocs, flags.size());
      assertEquals(LISTINGS, listingDocsLater, "one listing document per distinct listing id");
      assertEquals(LISTINGS / 3, flagDocs, "one flag document per distinct flag id");
      assertEquals(LISTINGS / 3, flags.size(), "the Kafka flags are still exactly one per counterfeit");
      assertEquals(flags.size(), new HashSet<>(flags.stream().map(ConsumerRecord::key).toList()).size());
      assertTrue(listingDocs >= LISTINGS);
    } finally {
      node.close();
    }
  }

  private static void publish(ItKafka kafka, List<IpAsset> registry, List<Listing> listings) {
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      for (IpAsset asset : registry) {
        producer.send(new ProducerRecord<>(Topics.IP_REGISTRY.name(), asset.assetId(), Json.write(asset)));
      }
      for (Listing l : listings) {
        producer.send(ItKafka.listing(l));
      }
      producer.flush();
    }
  }

  private static long awaitCount(String url, String index, long atLeast, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    long n = 0;
    while (System.nanoTime() < deadline) {
      n = count(url, index);
      if (n >= atLeast) {
        return n;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(index + " holds " + n + " documents, expected " + atLeast);
  }

  private static long count(String url, String index) throws Exception {
    try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
      ElasticsearchClient es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
      if (!es.indices().exists(e -> e.index(index)).value()) {
        return 0;
      }
      es.indices().refresh(r -> r.index(index));
      return es.count(c -> c.index(index)).count();
    }
  }
}
