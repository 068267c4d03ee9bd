package ipwatch.casework.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
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
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** casework-api as started by CaseworkServer (config keys sellerLinks.*) consuming seller-links from a real broker. */
class SellerNetworkPipelineIT {
  private static final String TOPIC = "seller-links-pipeline-" + UUID.randomUUID().toString().substring(0, 8);
  private static KafkaClusterTestKit kafka;
  private static CaseworkFixture f;

  @BeforeAll
  static void start() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    f = new CaseworkFixture(Map.of("kafka.bootstrapServers", kafka.bootstrapServers(),
        "sellerLinks.topic", TOPIC, "sellerLinks.groupId", "pipeline-it"));
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
  void aSellerLinkOnTheTopicPutsTheSellersCasesIntoItsNetwork() throws Exception {
    String account = "demo-market:demo-market:pipe-shop";
    UUID id = f.ingest(NetworkFlags.bySeller("pipe-" + UUID.randomUUID(), "tm-us", "org-nordvik", "demo-market",
        "demo-market:pipe-shop"));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(TOPIC, account, new JsonObject().put("sellerId", account)
          .put("clusterId", "op-pipeline").encode().getBytes(StandardCharsets.UTF_8))).get();
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonObject c = TestApi.json(f.api.get("/api/cases/" + id, f.token("rights-holder")), 200);
    while (c.getValue("networkId") == null && System.nanoTime() < deadline) {
      Thread.sleep(200);
      c = TestApi.json(f.api.get("/api/cases/" + id, f.token("rights-holder")), 200);
    }
    assertEquals("op-pipeline", c.getString("networkId"));
  }
}
