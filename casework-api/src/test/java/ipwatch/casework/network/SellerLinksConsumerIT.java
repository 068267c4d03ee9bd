package ipwatch.casework.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
 * Failure injection on the seller-links consumer, with a real KRaft broker and PostgreSQL: malformed records and a
 * record for a seller without any case sit between good ones; the consumer is stopped and restarted mid-stream.
 */
class SellerLinksConsumerIT {
  private static KafkaClusterTestKit kafka;
  private static Vertx vertx;
  private static Pool pool;
  private static KafkaProducer<String, byte[]> producer;

  @BeforeAll
  static void start() throws Exception {
    kafka = ipwatch.casework.testing.TestKafka.start();
    vertx = Vertx.vertx();
    pool = TestPostgres.migratedPool(vertx);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
  }

  @AfterAll
  static void stop() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (pool != null) {
      Await.result(pool.close());
      Await.result(vertx.close());
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static String topic(int partitions) throws Exception {
    String name = "seller-links-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
          .configs(Map.of("cleanup.policy", "compact")))).all().get();
    }
    return name;
  }

  private static String link(String account, String cluster, String other) {
    JsonArray evidence = new JsonArray();
    if (other != null) {
      evidence.add(new JsonObject().put("identifierType", "PHONE").put("value", "+49*****67")
          .put("valueHash", "h-" + cluster).put("otherSellerId", other));
    }
    return new JsonObject().put("sellerId", account).put("clusterId", cluster).put("evidence", evidence).encode();
  }

  private static void send(String topic, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)))
        .get();
  }

  private static SellerLinksConsumer consumer(String topic, String group) {
    return new SellerLinksConsumer(kafka.bootstrapServers(), group, topic, new SellerLinkIngestor(pool)).start();
  }

  private static long count(String sql, Object... args) {
    return Await.result(pool.preparedQuery(sql).execute(Tuple.from(args))).iterator().next().getLong(0);
  }

  @Test
  void malformedRecordsAndASellerWithoutCasesBetweenGoodRecordsLoseNothingAndStopNothing() throws Exception {
    String topic = topic(1);
    String a = "fi-market:fi-market:alpha";
    String b = "fi-market:fi-market:beta";
    String ghost = "fi-market:fi-market:ghost";
    // a case for alpha exists; the ghost account has none yet
    Await.result(new FlagIngestor(pool, new JurisdictionResolver(new CaseworkSettings.CaseDefaults("US", Map.of())))
        .ingest("test/0/fi-1", TestFlags.bytes(NetworkFlags.bySeller("fi-1", "tm-fi", "org-fi", "fi-market", "fi-market:alpha"))));
    send(topic, a, link(a, "op-fi-1", b));
    send(topic, a, "{not json");
    send(topic, b, link(b, "op-fi-1", a));
    send(topic, "fi-market:fi-market:wrong-key", link(b, "op-fi-1", a));
    send(topic, ghost, link(ghost, "op-fi-ghost", null));
    send(topic, "fi-market:fi-market:nul", link("fi-market:fi-market:nul", "op-fi-2", null)
        .replace("\"evidence\":[]", "\"evidence\":[{\"identifierType\":\"EMAIL\",\"value\":\"\\u0000\","
            + "\"otherSellerId\":\"x\"}]"));
    send(topic, "fi-market:fi-market:gamma", link("fi-market:fi-market:gamma", "op-fi-3", null));
    try (SellerLinksConsumer c = consumer(topic, "fi-group")) {
      eventually(() -> c.stored() + c.deadLettered() >= 7);
      assertEquals(4, c.stored());
      assertEquals(3, c.deadLettered());
      // still consuming after the bad ones: a later record and a tombstone arrive too
      send(topic, "fi-market:fi-market:delta", link("fi-market:fi-market:delta", "op-fi-4", null));
      send(topic, "fi-market:fi-market:gamma", null);
      eventually(() -> c.stored() == 6);
    }
    assertEquals(List.of(a, b, "fi-market:fi-market:delta", ghost), accounts("fi-market:%"));
    assertEquals(3, count("SELECT count(*) FROM ingest_dead_letters WHERE source LIKE $1", topic + "/%"));
    List<String> causes = List.of(
        "record is not a JSON object", "is not its sellerId", "refused by the database");
    for (String cause : causes) {
      assertEquals(1, count("SELECT count(*) FROM ingest_dead_letters WHERE source LIKE $1 AND cause LIKE $2",
          topic + "/%", "%" + cause + "%"), cause);
    }
    assertEquals("op-fi-1", Await.result(pool.preparedQuery("SELECT ipw_network_of(seller_account) FROM cases"
        + " WHERE listing_id = 'fi-1'").execute()).iterator().next().getString(0), "alpha's case is in the network");
  }

  @Test
  void restartingTheConsumerMidStreamResumesAfterTheCommittedRecordAndDuplicatesNothing() throws Exception {
    String topic = topic(3);
    Map<String, String> latest = new HashMap<>();
    int bad = 0;
    for (int i = 0; i < 120; i++) {
      String account = "rs-market:rs-market:s" + (i % 40);
      if (i % 30 == 7) {
        send(topic, account, "{\"sellerId\":");
        bad++;
        continue;
      }
      String cluster = "op-rs-" + (i / 40) + "-" + (i % 40 % 8);
      send(topic, account, link(account, cluster, null));
      latest.put(account, cluster);
    }
    int firstHalf = 120;
    try (SellerLinksConsumer c = consumer(topic, "rs-group")) {
      eventually(() -> c.stored() + c.deadLettered() == firstHalf);
    }
    for (int i = 120; i < 200; i++) {
      String account = "rs-market:rs-market:s" + (i % 50);
      if (i % 30 == 7) {
        send(topic, account, "\u0001garbage");
        bad++;
        continue;
      }
      String cluster = "op-rs-" + (i / 40) + "-" + (i % 50 % 8);
      send(topic, account, link(account, cluster, null));
      latest.put(account, cluster);
    }
    try (SellerLinksConsumer c = consumer(topic, "rs-group")) {
      eventually(() -> c.stored() + c.deadLettered() == 80);
      Thread.sleep(1_000); // a replay of the first half would show up here
      assertEquals(80, c.stored() + c.deadLettered(), "the restarted consumer read only what was not committed");
    }
    assertEquals(latest.size(), count("SELECT count(*) FROM seller_accounts WHERE account_id LIKE 'rs-market:%'"));
    for (Map.Entry<String, String> e : latest.entrySet()) {
      assertEquals(e.getValue(), Await.result(pool.preparedQuery("SELECT network_id FROM seller_accounts"
          + " WHERE account_id = $1").execute(Tuple.of(e.getKey()))).iterator().next().getString(0), e.getKey());
    }
    assertEquals(bad, count("SELECT count(*) FROM ingest_dead_letters WHERE source LIKE $1", topic + "/%"));
  }

  private static List<String> accounts(String like) {
    List<String> out = new java.util.ArrayList<>();
    for (Row r : Await.result(pool.preparedQuery("SELECT account_id FROM seller_accounts WHERE account_id LIKE $1"
        + " ORDER BY account_id").execute(Tuple.of(like)))) {
      out.add(r.getString(0));
    }
    return out;
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(100);
    }
  }
}
