package ipwatch.casework.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import ipwatch.casework.outbox.OutboxRelay;
import ipwatch.casework.search.CaseReindexer;
import ipwatch.casework.search.ElasticsearchCaseIndex;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.SearchOutbox;
import ipwatch.casework.testing.TestElasticsearch;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestKafka;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.local.infra.Ports;
import ipwatch.model.Flag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link InfringementsConsumer} in its per-poll mode with a real KRaft broker, PostgreSQL and Elasticsearch: a topic
 * with good flags, a duplicate, an unreadable record and one PostgreSQL refuses, read in batches; then the whole topic
 * read again by a second consumer group (a replay of every batch) changes nothing. The cases reach the search index
 * through the 'search' outbox ({@link CaseReindexer}), never through the consumer, so an unreachable index holds back
 * no case.
 */
class InfringementsConsumerIT {
  private static final String INDEX = "cases-consumer-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static final int GOOD = 30;
  private static KafkaClusterTestKit kafka;
  private static Vertx vertx;
  private static Pool pool;
  private static ElasticsearchCaseIndex index;

  @BeforeAll
  static void start() throws Exception {
    kafka = TestKafka.start();
    vertx = Vertx.vertx();
    pool = TestPostgres.migratedPool(vertx);
    index = new ElasticsearchCaseIndex(TestElasticsearch.url(), INDEX);
  }

  @AfterAll
  static void stop() throws Exception {
    TestElasticsearch.deleteIndex(INDEX);
    index.close();
    Await.result(pool.close());
    Await.result(vertx.close());
    kafka.close();
  }

  @Test
  void badRecordsInAPollAreDeadLetteredTheRestOpenOnceAndAFullReplayChangesNothing() throws Exception {
    String topic = "infringements-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestKafka.rawProducerConfig(kafka.bootstrapServers()))) {
      for (int i = 0; i < GOOD; i++) {
        Flag f = flag("cons-" + i, "consumerword" + i);
        producer.send(new ProducerRecord<>(topic, f.flagId(), TestFlags.bytes(f)));
        if (i == 10) {
          producer.send(new ProducerRecord<>(topic, "junk", "{not json".getBytes(StandardCharsets.UTF_8)));
          Flag refused = flag("cons-nul", "bad \u0000 title");
          producer.send(new ProducerRecord<>(topic, refused.flagId(), TestFlags.bytes(refused)));
        }
        if (i == 20) { // the same flag again, same key so the same partition
          Flag again = flag("cons-3", "consumerword3");
          producer.send(new ProducerRecord<>(topic, again.flagId(), TestFlags.bytes(again)));
        }
      }
      producer.flush();
    }

    try (InfringementsConsumer consumer = consumer(topic, "first")) {
      eventually(() -> consumer.opened() == GOOD && consumer.deadLettered() == 2);
    }
    List<Long> after = totals();
    assertEquals(List.of((long) GOOD, (long) GOOD, 2L, (long) GOOD), after);
    assertTrue(cause(topic, "refused by the database"), "the NUL flag's dead letter names the database's refusal");
    assertTrue(cause(topic, "not a valid Flag"));
    assertEquals(GOOD, SearchOutbox.pending(pool), "one 'search' outbox row per case opened, none for the duplicate");
    SearchOutbox.drain(vertx, pool, index);
    TestElasticsearch.refresh(INDEX);
    for (int i = 0; i < GOOD; i += 7) {
      assertEquals(1, index.search(new PartyScope.OwnedBy("org-nordvik"), filter("consumerword" + i),
          new PageRequest(1, 10)).total(), "consumerword" + i);
    }

    try (InfringementsConsumer replay = consumer(topic, "second")) {
      eventually(() -> replay.deadLettered() == 2 && TestKafka.committedOffsets(kafka.bootstrapServers(), "second") == GOOD + 3);
      assertEquals(0, replay.opened());
    }
    assertEquals(after, totals());
  }

  @Test
  void casesOpenWhileTheSearchIndexCannotBeReachedAndAreIndexedOnceItAnswers() throws Exception {
    String topic = "infringements-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    SearchOutbox.drain(vertx, pool, index); // whatever another test left pending
    long casesBefore = totals().get(0);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(TestKafka.rawProducerConfig(kafka.bootstrapServers()))) {
      for (int i = 0; i < 5; i++) {
        Flag f = flag("outage-" + i, "outageword" + i);
        producer.send(new ProducerRecord<>(topic, f.flagId(), TestFlags.bytes(f)));
      }
      producer.flush();
    }

    try (InfringementsConsumer consumer = consumer(topic, "outage")) {
      eventually(() -> consumer.opened() == 5);
    }
    assertEquals(casesBefore + 5, totals().get(0), "the cases are in PostgreSQL, so in the API and its event stream");

    // nothing listens on this port: every delivery fails, the rows stay pending with the cause and a back-off
    String nowhere = "http://127.0.0.1:" + Ports.free();
    try (ElasticsearchCaseIndex unreachable = new ElasticsearchCaseIndex(nowhere, INDEX)) {
      OutboxRelay relay = new OutboxRelay(vertx, pool, "search", new CaseReindexer(new Cases(pool), unreachable), 50);
      assertEquals(0, Await.result(relay.relayOnce()));
    }
    assertEquals(5, SearchOutbox.pending(pool));
    assertEquals(1L, Await.result(pool.query("SELECT count(*) FROM outbox WHERE channel = 'search'"
        + " AND published_at IS NULL AND attempts = 1 AND last_error IS NOT NULL").execute()).iterator().next()
        .getLong(0), "the batch's first row counts the failed attempt");

    SearchOutbox.drain(vertx, pool, index);
    TestElasticsearch.refresh(INDEX);
    for (int i = 0; i < 5; i++) {
      assertEquals(1, index.search(new PartyScope.OwnedBy("org-nordvik"), filter("outageword" + i),
          new PageRequest(1, 10)).total(), "outageword" + i);
    }
  }

  private static InfringementsConsumer consumer(String topic, String group) {
    return new InfringementsConsumer(kafka.bootstrapServers(), group, topic, 8, 1, ingestor(pool)).start();
  }

  private static FlagIngestor ingestor(Pool on) {
    return new FlagIngestor(on, new JurisdictionResolver(new CaseworkSettings.CaseDefaults("US", Map.of())));
  }

  private static Flag flag(String listing, String word) {
    return TestFlags.flag(listing, "tm-nordvik", "org-nordvik", "demo-market", "NORDVIK " + word);
  }

  /**
   * kafka.ingestLoops: two consumers of the group in one instance, each with a partition and transactions of its own.
   * The same flag in both partitions (read by both loops, possibly at once) still opens one case.
   */
  @Test
  void twoLoopsSplitThePartitionsAndTheSameFlagInBothStillOpensOneCase() throws Exception {
    String topic = "infringements-" + UUID.randomUUID().toString().substring(0, 8);
    int cases = 40;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestKafka.rawProducerConfig(kafka.bootstrapServers()))) {
      for (int i = 0; i < cases; i++) {
        Flag f = flag("loops-" + i, "loopword" + i);
        producer.send(new ProducerRecord<>(topic, i % 2, f.flagId(), TestFlags.bytes(f)));
        if (i % 8 == 0) {
          producer.send(new ProducerRecord<>(topic, (i + 1) % 2, f.flagId(), TestFlags.bytes(f)));
        }
      }
      producer.flush();
    }
    Pool own = TestPostgres.migratedPool(vertx);
    String group = "loops-" + UUID.randomUUID().toString().substring(0, 8);
    try (InfringementsConsumer consumer = new InfringementsConsumer(kafka.bootstrapServers(), group, topic, 8, 2,
        ingestor(own)).start()) {
      eventually(() -> consumer.opened() == cases
          && TestKafka.committedOffsets(kafka.bootstrapServers(), group) == cases + 5);
      // the second loop may join after the first has read everything: wait for the rebalance to settle
      eventually(() -> onePartitionEach(group, 2));
      assertTrue(consumer.healthy(), "both loops consuming, partitions assigned");
      assertEquals(AtLeastOnceConsumer.State.CONSUMING, consumer.state());
    }
    assertEquals(cases, Await.result(own.query("SELECT count(*) FROM cases").execute()).iterator().next().getLong(0));
    assertEquals(cases, Await.result(own.query("SELECT count(*) FROM case_events WHERE type = 'CASE_OPENED'")
        .execute()).iterator().next().getLong(0));
    Await.result(own.close());
  }

  /** The group has {@code members} members with one partition each. */
  private static boolean onePartitionEach(String group, int members) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      var described = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members();
      return described.size() == members
          && described.stream().allMatch(m -> m.assignment().topicPartitions().size() == 1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Cases, CASE_OPENED events, dead letters, 'search' outbox rows. */
  private static List<Long> totals() {
    List<Long> out = new ArrayList<>();
    for (String sql : List.of("SELECT count(*) FROM cases",
        "SELECT count(*) FROM case_events WHERE type = 'CASE_OPENED'", "SELECT count(*) FROM ingest_dead_letters",
        "SELECT count(*) FROM outbox WHERE channel = 'search'")) {
      out.add(Await.result(pool.query(sql).execute()).iterator().next().getLong(0));
    }
    return out;
  }

  private static boolean cause(String topic, String text) {
    return Await.result(pool.preparedQuery("SELECT count(*) FROM ingest_dead_letters WHERE source LIKE $1"
            + " AND position($2 in cause) > 0").execute(Tuple.of(topic + "/%", text)))
        .iterator().next().getLong(0) == 1;
  }

  private static CaseFilter filter(String text) {
    return new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
        Optional.empty(), Optional.of(text));
  }


  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 90_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 90 s: " + totals());
      }
      Thread.sleep(250);
    }
  }
}
