package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Flag;
import ipwatch.model.Json;
import ipwatch.model.Topics;
import ipwatch.stream.kafka.DeadLetterRecordSerializer;
import ipwatch.stream.kafka.KafkaIo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The match job end to end at parallelism 2: the in-process KRaft broker the local stack runs, the production Kafka
 * sources and exactly-once sinks (bounded to the offsets present at start), read back read_committed.
 */
class MatchJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static ItKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = ItKafka.start("kafka-match-it");
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void onlyTheCounterfeitIsFlaggedExactlyOnceAndTheMalformedListingIsDeadLettered() throws Exception {
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      ItKafka.sendDemoRegistry(producer);
      producer.send(listing(TestData.counterfeit("l-counterfeit")));
      producer.send(listing(TestData.genuine("l-genuine")));
      producer.send(listing(TestData.unrelated("l-unrelated")));
      producer.send(new ProducerRecord<>(Topics.LISTINGS.name(), "l-broken", "{\"listingId\":\"l-broken\",\"title\":"));
      producer.send(listing(TestData.counterfeit("l-counterfeit"))); // recrawled unchanged
      producer.flush();
    }

    MatchJobSettings settings = kafka.settings(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "match-it"));
    MatchJob job =
        new MatchJob(
            KafkaIo.listingsSource(settings.runtime(), true), KafkaIo.registrySource(settings.runtime(), true),
            KafkaIo.flagSink(settings.runtime()), KafkaIo.deadLetterSink(settings.runtime()), settings);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    job.build(env);
    env.execute(MatchJob.NAME);

    List<Flag> flags =
        kafka.readCommitted(Topics.INFRINGEMENTS.name()).stream().map(r -> Json.read(r.value(), Flag.class)).toList();
    assertEquals(List.of("l-counterfeit"), flags.stream().map(Flag::listingId).toList(), flags.toString());
    assertEquals("tm-nordvik", flags.get(0).assetId());
    assertEquals(Flag.idFor("l-counterfeit", "tm-nordvik"), kafka.readCommitted(Topics.INFRINGEMENTS.name()).get(0).key());

    List<ConsumerRecord<String, String>> dead = kafka.readCommitted(Topics.LISTINGS_DEAD_LETTER.name());
    assertEquals(1, dead.size());
    assertEquals("{\"listingId\":\"l-broken\",\"title\":", dead.get(0).value());
    String cause =
        new String(
            dead.get(0).headers().lastHeader(DeadLetterRecordSerializer.ERROR_HEADER).value(), StandardCharsets.UTF_8);
    assertTrue(cause.startsWith("not a valid Listing"), cause);
  }

  private static ProducerRecord<String, String> listing(ipwatch.model.Listing l) {
    return ItKafka.listing(l);
  }
}
