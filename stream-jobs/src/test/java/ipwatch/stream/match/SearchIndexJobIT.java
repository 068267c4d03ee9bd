package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.local.infra.ElasticsearchNode;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Topics;
import ipwatch.model.config.Config;
import ipwatch.stream.elastic.ElasticsearchSettings;
import ipwatch.stream.elastic.ElasticsearchSink;
import ipwatch.stream.elastic.SearchIndexJob;
import ipwatch.stream.kafka.KafkaIo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search indexing against a real node (the local stack's, from its Maven zip) at parallelism 2: the match job's
 * committed flags and the listings, indexed twice from the start of their topics as a replay after a failure would
 * read them, leave one document per listing and per flag.
 */
class SearchIndexJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  // Not a JUnit @TempDir: that is mode 700, which the unprivileged Elasticsearch user (when run as root) cannot enter.
  private static final Path ES_DATA = Path.of("target/it-data/elasticsearch").toAbsolutePath();
  private static ItKafka kafka;
  private static ElasticsearchNode node;
  private static RestClient rest;
  private static ElasticsearchClient es;

  @BeforeAll
  static void start() {
    kafka = ItKafka.start("kafka-search-it");
    Path zip = Path.of(System.getProperty("ipwatch.esZip", "../local-infra/target/dist/elasticsearch-8.19.21.zip"));
    node = ElasticsearchNode.start(zip, ES_DATA, 0, "512m");
    rest = RestClient.builder(HttpHost.create(node.httpUrl())).build();
    es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rest != null) {
      rest.close();
    }
    if (node != null) {
      node.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void replayingTheSameInputOverwritesListingsAndFlagsInsteadOfDuplicatingThem() throws Exception {
    es.indices().delete(d -> d.index("listings", "flags", "ipwatch-dead-letters").ignoreUnavailable(true));
    List<IpAsset> registry = new java.util.ArrayList<>(TestData.demoRegistry());
    registry.add(TestData.napkinPatent());
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      for (IpAsset asset : registry) {
        producer.send(new ProducerRecord<>(Topics.IP_REGISTRY.name(), asset.assetId(), Json.write(asset)));
      }
      producer.send(ItKafka.listing(TestData.counterfeit("l-counterfeit")));
      producer.send(ItKafka.listing(TestData.genuine("l-genuine")));
      producer.send(ItKafka.listing(TestData.unrelated("l-unrelated")));
      producer.send(ItKafka.listing(TestData.napkinHolder("l-napkin-holder")));
      producer.send(new ProducerRecord<>(Topics.LISTINGS.name(), "l-broken", "{\"listingId\":"));
      producer.send(ItKafka.listing(TestData.counterfeit("l-counterfeit"))); // recrawled
      producer.flush();
    }

    runMatchJob();
    runSearchJob(1);
    runSearchJob(2); // a fresh consumer group reads both topics again: a replay

    List<Flag> kafkaFlags = kafka.readCommitted(Topics.INFRINGEMENTS.name()).stream()
        .map(r -> Json.read(r.value(), Flag.class)).toList();
    assertEquals(2, kafkaFlags.size(), "the match job sends both flags once: " + kafkaFlags);
    assertEquals(Set.of(FlagKind.BRAND_USE, FlagKind.PATENT_CLAIM),
        kafkaFlags.stream().map(Flag::kind).collect(Collectors.toSet()));

    es.indices().refresh(r -> r.index("listings", "flags"));
    assertEquals(4, es.count(c -> c.index("listings")).count(), "one document per distinct listing id");
    assertEquals(2, es.count(c -> c.index("flags")).count(), "one document per distinct flag id");
    List<Hit<JsonNode>> flags = es.search(s -> s.index("flags").size(10), JsonNode.class).hits().hits();
    assertEquals(
        kafkaFlags.stream().map(Flag::flagId).collect(Collectors.toSet()),
        flags.stream().map(Hit::id).collect(Collectors.toSet()));
    JsonNode patentFlag = flags.stream().map(Hit::source)
        .filter(f -> f.get("kind").asText().equals("PATENT_CLAIM")).findFirst().orElseThrow();
    assertEquals(3, patentFlag.get("evidence").get("claimChart").size(), patentFlag.toString());
    assertEquals(1, es.count(c -> c.index("listings").query(q -> q.match(m -> m.field("title").query("napkin"))))
        .count());
  }

  private static void runMatchJob() throws Exception {
    MatchJobSettings settings = kafka.settings(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "search-it-match",
        "IPWATCH_KAFKA_CONSUMER_GROUP", "search-it-match"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    new MatchJob(KafkaIo.listingsSource(settings.runtime(), true), KafkaIo.registrySource(settings.runtime(), true),
        KafkaIo.flagSink(settings.runtime()), KafkaIo.deadLetterSink(settings.runtime()), settings).build(env);
    env.execute(MatchJob.NAME);
  }

  private static void runSearchJob(int run) throws Exception {
    Config config = kafka.config(Map.of(
        "IPWATCH_KAFKA_CONSUMER_GROUP", "search-it-" + run,
        "IPWATCH_ELASTICSEARCH_URL", node.httpUrl(),
        "IPWATCH_ELASTICSEARCH_BULK_ACTIONS", "2"));
    ElasticsearchSettings search = ElasticsearchSettings.from(config).orElseThrow();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    SearchIndexJob.fromConfig(config, search, new ElasticsearchSink(search), true).build(env);
    env.execute(SearchIndexJob.NAME);
  }
}
