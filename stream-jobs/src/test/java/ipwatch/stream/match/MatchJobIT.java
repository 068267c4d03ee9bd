package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Flag;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Topics;
import ipwatch.model.config.Config;
import ipwatch.stream.kafka.DeadLetterRecordSerializer;
import ipwatch.stream.kafka.KafkaIo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The match job end to end at parallelism 2: a real KRaft broker, the production Kafka sources and exactly-once sinks
 * (bounded to the offsets present at start), read back read_committed.
 */
class MatchJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static KafkaClusterTestKit kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.LISTINGS.name(), 2, (short) 1),
                  new NewTopic(Topics.IP_REGISTRY.name(), 2, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact")),
                  new NewTopic(Topics.INFRINGEMENTS.name(), 2, (short) 1),
                  new NewTopic(Topics.LISTINGS_DEAD_LETTER.name(), 1, (short) 1)))
          .all()
          .get();
    }
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void onlyTheCounterfeitIsFlaggedExactlyOnceAndTheMalformedListingIsDeadLettered() throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      for (IpAsset asset : TestData.demoRegistry()) {
        producer.send(new ProducerRecord<>(Topics.IP_REGISTRY.name(), asset.assetId(), Json.write(asset)));
      }
      producer.send(listing(TestData.counterfeit("l-counterfeit")));
      producer.send(listing(TestData.genuine("l-genuine")));
      producer.send(listing(TestData.unrelated("l-unrelated")));
      producer.send(new ProducerRecord<>(Topics.LISTINGS.name(), "l-broken", "{\"listingId\":\"l-broken\",\"title\":"));
      producer.send(listing(TestData.counterfeit("l-counterfeit"))); // recrawled unchanged
      producer.flush();
    }

    MatchJobSettings settings =
        MatchJobSettings.from(
            Config.load(
                Path.of("../config/stream-jobs.yaml"),
                Map.of(
                    "IPWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "match-it",
                    "IPWATCH_CHECKPOINT_INTERVAL", "300ms")));
    MatchJob job =
        new MatchJob(
            KafkaIo.listingsSource(settings, true), KafkaIo.registrySource(settings, true),
            KafkaIo.flagSink(settings), KafkaIo.deadLetterSink(settings), settings);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    job.build(env);
    env.execute(MatchJob.NAME);

    List<Flag> flags =
        readCommitted(Topics.INFRINGEMENTS.name()).stream().map(r -> Json.read(r.value(), Flag.class)).toList();
    assertEquals(List.of("l-counterfeit"), flags.stream().map(Flag::listingId).toList(), flags.toString());
    assertEquals("tm-nordvik", flags.get(0).assetId());
    assertEquals(Flag.idFor("l-counterfeit", "tm-nordvik"), readCommitted(Topics.INFRINGEMENTS.name()).get(0).key());

    List<ConsumerRecord<String, String>> dead = readCommitted(Topics.LISTINGS_DEAD_LETTER.name());
    assertEquals(1, dead.size());
    assertEquals("{\"listingId\":\"l-broken\",\"title\":", dead.get(0).value());
    String cause =
        new String(
            dead.get(0).headers().lastHeader(DeadLetterRecordSerializer.ERROR_HEADER).value(), StandardCharsets.UTF_8);
    assertTrue(cause.startsWith("not a valid Listing"), cause);
  }

  private static ProducerRecord<String, String> listing(ipwatch.model.Listing l) {
    return new ProducerRecord<>(Topics.LISTINGS.name(), l.listingId(), Json.write(l));
  }

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** Everything committed to the topic so far: reads until every partition's last stable offset. */
  private static List<ConsumerRecord<String, String>> readCommitted(String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("isolation.level", "read_committed");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 30_000;
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("could not read " + topic + " up to " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
