package ipwatch.stream.relisting;

import static ipwatch.stream.relisting.RelistingTestData.relisted;
import static ipwatch.stream.relisting.RelistingTestData.takedownOf;
import static ipwatch.stream.relisting.RelistingTestData.takenDown;
import static ipwatch.stream.relisting.RelistingTestData.unrelated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Json;
import ipwatch.model.ListingOutcome;
import ipwatch.model.Topics;
import ipwatch.stream.kafka.KafkaIo;
import ipwatch.stream.match.ItKafka;
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
 * The relisting job end to end at parallelism 2 on the local stack's in-process broker: listings and a takedown in,
 * RELISTING flags read back read_committed from infringements (where casework-api ingests them).
 */
class RelistingJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static ItKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = ItKafka.start("kafka-relisting-it");
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aRewordedRelistingOfATakenDownListingIsFlaggedOnceAndAnUnrelatedListingIsNot() throws Exception {
    ListingOutcome takedown = takedownOf("l-gone", "case-17");
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      producer.send(ItKafka.listing(takenDown("l-gone")));
      producer.send(new ProducerRecord<>(Topics.LISTING_OUTCOMES.name(), "l-gone", Json.write(takedown)));
      producer.send(new ProducerRecord<>(Topics.LISTING_OUTCOMES.name(), "l-broken", "{not json"));
      producer.send(ItKafka.listing(relisted("l-again")));
      producer.send(ItKafka.listing(relisted("l-again"))); // recrawled unchanged
      producer.send(ItKafka.listing(unrelated("l-beanie")));
      producer.flush();
    }

    RelistingJobSettings settings = RelistingJobSettings.from(
        kafka.config(Map.of("IPWATCH_RELISTING_TRANSACTIONAL_ID_PREFIX", "relisting-it")), kafka.env(Map.of()));
    RelistingJob job = new RelistingJob(KafkaIo.listingsSource(settings.runtime(), true),
        KafkaIo.outcomesSource(settings.runtime(), true), KafkaIo.flagSink(settings.runtime()),
        settings);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    job.build(env);
    env.execute(RelistingJob.NAME);

    List<ConsumerRecord<String, String>> records = kafka.readCommitted(Topics.INFRINGEMENTS.name());
    List<Flag> flags = records.stream().map(r -> Json.read(r.value(), Flag.class)).toList();
    assertEquals(1, flags.size(), flags.toString());
    Flag f = flags.get(0);
    assertEquals(FlagKind.RELISTING, f.kind());
    assertEquals("l-again", f.listingId());
    assertEquals(RelistingFlags.flagId("l-again", "l-gone", "case-17"), records.get(0).key());
    assertEquals("tm-nordvik", f.assetId());
    assertEquals("org-nordvik", f.owner());
    assertTrue(f.signals().get(0).detail().contains("case-17"), f.signals().toString());
  }
}
