package ipwatch.casework.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.testing.TestKafka;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.casework.testing.TestTokens;
import ipwatch.model.Flag;
import ipwatch.model.config.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole ingestion path with real parts: an in-process KRaft broker, PostgreSQL and Elasticsearch. Flags on the
 * topic become cases (once, even when the same flag arrives twice), a bad record becomes a dead letter, the case is
 * searchable, and the seeded registry appears on ip-registry.
 */
class IngestPipelineIT {
  private static final String ES = ipwatch.casework.testing.TestElasticsearch.url();
  private static final String INDEX = "cases-pipeline-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KafkaClusterTestKit kafka;
  private static CaseworkServer server;
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void start() throws Exception {
    kafka = ipwatch.casework.testing.TestKafka.start();
    TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
    Map<String, String> overrides = new HashMap<>(db.overrides());
    overrides.putAll(Map.of(
        "http.port", "0",
        "kafka.bootstrapServers", kafka.bootstrapServers(),
        "kafka.groupId", "casework-it",
        "elasticsearch.url", ES,
        "elasticsearch.casesIndex", INDEX,
        "auth.jwt.secret", TestTokens.SECRET,
        "registry.seedFile", "../config/demo/registry.jsonl",
        "demo.enabled", "true"));
    server = CaseworkServer.start(Config.load(Path.of("../config/casework-api.yaml"), Map.of()).with(overrides));
    vertx = Vertx.vertx();
    pool = db.pool(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (pool != null) {
      Await.result(pool.close());
      Await.result(vertx.close());
    }
    if (kafka != null) {
      kafka.close();
    }
    HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/" + INDEX)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  @Test
  void flagsOnTheTopicBecomeOneSearchableCaseEachAndBadRecordsBecomeDeadLetters() throws Exception {
    assertTrue(server.awaitReady(Duration.ofSeconds(60)), "consumer assigned and registry published");
    Flag flag = TestFlags.flag("pipe-1", "tm-nordvik", "org-nordvik", "demo-market", "NORDVIK Fjell parka");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestKafka.rawProducerConfig(kafka.bootstrapServers()))) {
      producer.send(new ProducerRecord<>("infringements", flag.flagId(), TestFlags.bytes(flag))).get();
      producer.send(new ProducerRecord<>("infringements", "junk", "{not json".getBytes(StandardCharsets.UTF_8))).get();
      producer.send(new ProducerRecord<>("infringements", flag.flagId(), TestFlags.bytes(flag))).get();
    }

    eventually(() -> count("SELECT count(*) FROM ingest_dead_letters") == 1);
    assertEquals(1, count("SELECT count(*) FROM cases"));
    assertEquals(1, count("SELECT count(*) FROM case_events WHERE type = 'CASE_OPENED'"));
    eventually(() -> search("parka", "rights-holder").getLong("total") == 1);
    assertEquals(0, search("parka", "rights-holder-2").getLong("total"));
  }

  @Test
  void theSeededRegistryIsPublishedToTheCompactedTopicKeyedByAssetId() throws Exception {
    assertTrue(server.awaitReady(Duration.ofSeconds(60)));
    Properties p = new Properties();
    p.putAll(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "registry-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      c.subscribe(List.of("ip-registry"));
      long deadline = System.currentTimeMillis() + 30_000;
      while (keys.size() < 3 && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
      }
    }
    assertEquals(Set.of("tm-nordvik", "tm-lumora", "tm-velta"), keys);
  }

  @Test
  void aMarkAddedThroughTheApiReachesIpRegistryWithinSecondsAndARemovalIsATombstone() throws Exception {
    assertTrue(server.awaitReady(Duration.ofSeconds(60)));
    String token = server.demoTokens().get("rights-holder");
    JsonObject mark = new JsonObject().put("type", "TRADEMARK").put("mark", "FJELLTOPP").put("niceClasses",
        List.of(25)).put("jurisdictions", List.of("CN")).put("authorizedSellers", List.of("demo-market:nordvik-store"))
        .put("referencePrices", List.of(new JsonObject().put("product", "parka").put("amount", "349.00")
            .put("currency", "EUR")));
    long sent = System.currentTimeMillis();
    assertEquals(200, call("PUT", "/api/registry/assets/tm-fjelltopp", token, mark.encode()).statusCode());
    List<String> values = new java.util.ArrayList<>();
    long firstAt = 0;
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig())) {
      c.subscribe(List.of("ip-registry"));
      long deadline = System.currentTimeMillis() + 30_000;
      boolean deleted = false;
      while (values.size() < 2 && System.currentTimeMillis() < deadline) {
        for (var r : c.poll(Duration.ofMillis(200))) {
          if (r.key().equals("tm-fjelltopp")) {
            values.add(r.value());
            firstAt = firstAt == 0 ? System.currentTimeMillis() : firstAt;
          }
        }
        if (!values.isEmpty() && !deleted) {
          assertEquals(200, call("DELETE", "/api/registry/assets/tm-fjelltopp", token, null).statusCode());
          deleted = true;
        }
      }
    }
    assertEquals(2, values.size(), values.toString());
    assertTrue(values.get(0).contains("FJELLTOPP") && values.get(0).contains("\"owner\":\"org-nordvik\""),
        values.get(0));
    assertEquals(null, values.get(1));
    assertTrue(firstAt - sent < 5_000, "reached the topic after " + (firstAt - sent) + " ms");
  }

  private static Properties consumerConfig() {
    Properties p = new Properties();
    p.putAll(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "registry-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    return p;
  }

  private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNoticeIsReindexedSoThePlatformFindsTheCaseOnlyAfterwards() throws Exception {
    assertTrue(server.awaitReady(Duration.ofSeconds(60)));
    Flag flag = TestFlags.flag("pipe-notice", "tm-velta", "org-lumora", "demo-market", "VELTA kettle copy");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestKafka.rawProducerConfig(kafka.bootstrapServers()))) {
      producer.send(new ProducerRecord<>("infringements", flag.flagId(), TestFlags.bytes(flag))).get();
    }
    eventually(() -> search("kettle", "rights-holder-2").getLong("total") == 1);
    assertEquals(0, search("kettle", "platform").getLong("total"));
    String id = search("kettle", "rights-holder-2").getJsonArray("items").getJsonObject(0).getString("id");
    String owner = server.demoTokens().get("rights-holder-2");
    assertEquals(200, call("POST", "/api/cases/" + id + "/transitions", owner,
        new JsonObject().put("action", "confirm").encode()).statusCode());
    JsonObject notice = new JsonObject().put("action", "send_notice").put("details", new JsonObject()
        .put("signature", "/L. Counsel/").put("explanation", "Counterfeit VELTA goods").put("notifierName", "L. Counsel")
        .put("notifierEmail", "legal@lumora.example").put("goodFaith", true).put("accuracyUnderPenaltyOfPerjury", true));
    HttpResponse<String> sent = call("POST", "/api/cases/" + id + "/transitions", owner, notice.encode());
    assertEquals(200, sent.statusCode(), sent.body());
    eventually(() -> search("kettle", "platform").getLong("total") == 1);
    assertEquals("NOTICE_SENT", search("kettle", "platform").getJsonArray("items").getJsonObject(0)
        .getString("status"));
  }

  private static long count(String sql) {
    return Await.result(pool.query(sql).execute()).iterator().next().getLong(0);
  }

  private static JsonObject search(String q, String role) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + server.port() + "/api/search?q=" + q))
          .header("Authorization", "Bearer " + server.demoTokens().get(role)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      return new JsonObject(r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(250);
    }
  }
}
