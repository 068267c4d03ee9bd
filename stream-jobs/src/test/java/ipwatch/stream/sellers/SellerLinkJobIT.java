package ipwatch.stream.sellers;

import static ipwatch.stream.sellers.SellerTestData.clusterIdOf;
import static ipwatch.stream.sellers.SellerTestData.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ipwatch.link.seller.SellerLink;
import ipwatch.model.Json;
import ipwatch.model.Topics;
import ipwatch.stream.kafka.KafkaIo;
import ipwatch.stream.match.ItKafka;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seller-linking job end to end at parallelism 2 on the local stack's in-process broker, production Kafka
 * source and exactly-once sink (bounded to the offsets present at start), seller-links read back read_committed.
 */
class SellerLinkJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static ItKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = ItKafka.start("kafka-sellers-it");
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void accountsSharingAPhoneAcrossMarketplacesEndInOneStableClusterAndAHubEmailMergesNobody() throws Exception {
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      // the same Berlin number, written nationally on amazon.de and internationally on ebay.com
      producer.send(ItKafka.listing(listing("l-1", "ebay.com", "fjell-outlet", Map.of("phone", "+49 30 1234 5678"))));
      producer.send(ItKafka.listing(listing("l-2", "amazon.de", "parka-king", Map.of("phone", "030 12345678"))));
      producer.send(ItKafka.listing(listing("l-3", "amazon.de", "parka-king", Map.of("phone", "030 12345678"))));
      // the marketplace's support address, shown by ten unrelated shops (hub limit 8)
      for (int i = 0; i < 10; i++) {
        producer.send(ItKafka.listing(listing("h-" + i, "shop.example", "shop-" + i,
            Map.of("email", "Support@Shop.example"))));
      }
      producer.send(ItKafka.listing(listing("l-4", "shop.example", "loner", Map.of())));
      producer.flush();
    }

    SellerLinkJobSettings settings = SellerLinkJobSettings.from(
        kafka.config(Map.of("IPWATCH_SELLER_LINKS_TRANSACTIONAL_ID_PREFIX", "sellers-it")), kafka.env(Map.of()));
    SellerLinkJob job = new SellerLinkJob(KafkaIo.listingsSource(settings.runtime(), true),
        KafkaIo.sellerLinkSink(settings.runtime()), settings);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    job.build(env);
    env.execute(SellerLinkJob.NAME);

    Map<String, String> latest = new HashMap<>();
    for (ConsumerRecord<String, String> r : kafka.readCommitted(Topics.SELLER_LINKS.name())) {
      SellerLink link = Json.read(r.value(), SellerLink.class);
      assertEquals(link.sellerId(), r.key());
      latest.put(link.sellerId(), link.clusterId());
    }
    String id = clusterIdOf("amazon.de:parka-king"); // the smaller account key names the cluster
    assertEquals(id, latest.get("amazon.de:parka-king"));
    assertEquals(id, latest.get("ebay.com:fjell-outlet"));
    for (int i = 0; i < 10; i++) {
      assertEquals(clusterIdOf("shop.example:shop-" + i), latest.get("shop.example:shop-" + i),
          "a hub e-mail links nobody: " + latest);
    }
    assertEquals(clusterIdOf("shop.example:loner"), latest.get("shop.example:loner"));
    assertNotEquals(latest.get("shop.example:shop-0"), latest.get("shop.example:shop-1"));
  }
}
