package ipwatch.casework.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestFlags;
import ipwatch.model.Flag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * casework-api as started by CaseworkServer (config keys sellerLinks.*) consuming flags and seller-links from a real
 * broker, with Elasticsearch for search: a seller's cases join its network in the list, the detail and search hits.
 */
class SellerNetworkPipelineIT {
  private static final String TOPIC = "seller-links-pipeline-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String INDEX = "cases-network-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static KafkaClusterTestKit kafka;
  private static CaseworkFixture f;

  @BeforeAll
  static void start() throws Exception {
    kafka = ipwatch.casework.testing.TestKafka.start();
    f = new CaseworkFixture(Map.of("kafka.bootstrapServers", kafka.bootstrapServers(),
        "sellerLinks.topic", TOPIC, "sellerLinks.groupId", "pipeline-it",
        "elasticsearch.url", ipwatch.casework.testing.TestElasticsearch.url(), "elasticsearch.casesIndex", INDEX));
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aSellerLinkOnTheTopicPutsTheSellersCasesIntoItsNetworkInDetailListAndSearch() throws Exception {
    String account = "demo-market:demo-market:pipe-shop";
    Flag flag = NetworkFlags.bySeller("pipe-" + UUID.randomUUID(), "tm-us", "org-nordvik", "demo-market",
        "demo-market:pipe-shop");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>("infringements", flag.flagId(), TestFlags.bytes(flag))).get();
      producer.send(new ProducerRecord<>(TOPIC, account, new JsonObject().put("sellerId", account)
          .put("clusterId", "op-pipeline").encode().getBytes(StandardCharsets.UTF_8))).get();
    }
    JsonObject hits = eventually(() -> get("/api/search?q=" + flag.listingId()),
        r -> r.getLong("total") == 1 && "op-pipeline".equals(
            r.getJsonArray("items").getJsonObject(0).getString("networkId")));
    String id = hits.getJsonArray("items").getJsonObject(0).getString("id");
    assertEquals("op-pipeline", get("/api/cases/" + id).getString("networkId"));
    assertEquals(1, get("/api/cases?networkId=op-pipeline").getLong("total"));
  }

  private static JsonObject get(String path) {
    return TestApi.json(f.api.get(path, f.token("rights-holder")), 200);
  }

  private static JsonObject eventually(java.util.function.Supplier<JsonObject> call,
      java.util.function.Predicate<JsonObject> done) throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    JsonObject last = call.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 90 s: " + last.encode());
      }
      Thread.sleep(200);
      last = call.get();
    }
    return last;
  }
}
