package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Flag;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Topics;
import ipwatch.stream.kafka.KafkaIo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault drill 2 (issue 9): the Kafka broker is restarted while a producer publishes listings and the match job
 * consumes them. The producer resumes (idempotent, retrying), the job fails over and restores from its last checkpoint;
 * afterwards every counterfeit has exactly one committed flag: no gap, no duplicate.
 */
class MatchJobBrokerRestartIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
              .build());

  private static final int LISTINGS = 900;

  @Test
  void aBrokerRestartUnderLoadLosesAndDoublesNoFlag() throws Exception {
    try (ItKafka kafka = ItKafka.start("kafka-restart-it")) {
      MatchJobSettings settings = kafka.settings(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "restart-it"));
      List<Listing> listings = new ArrayList<>();
      Set<String> counterfeits = new TreeSet<>();
      for (int i = 0; i < LISTINGS / 3; i++) {
        listings.add(TestData.counterfeit("l-counterfeit-" + i));
        listings.add(TestData.genuine("l-genuine-" + i));
        listings.add(TestData.unrelated("l-unrelated-" + i));
        counterfeits.add("l-counterfeit-" + i);
      }
      try (KafkaProducer<String, String> producer = producer(kafka)) {
        ItKafka.sendDemoRegistry(producer);
        producer.flush();
      }

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      new MatchJob(KafkaIo.listingsSource(settings.runtime(), false), KafkaIo.registrySource(settings.runtime(), false),
          KafkaIo.flagSink(settings.runtime()), KafkaIo.deadLetterSink(settings.runtime()), settings).build(env);
      JobClient job = env.executeAsync("broker-restart");

      awaitCommittedFlags(kafka, 0, Duration.ofMinutes(1));
      AtomicInteger progress = new AtomicInteger();
      CompletableFuture<Integer> publishing =
          CompletableFuture.supplyAsync(() -> publishSlowly(kafka, listings, progress));
      while (progress.get() < LISTINGS / 3) {
        Thread.sleep(10);
      }
      int sentAtRestart = progress.get();
      kafka.restart(Duration.ofSeconds(5)); // the producer is still sending
      int sent = publishing.get(5, TimeUnit.MINUTES);

      Set<String> flagged = awaitCommittedFlags(kafka, counterfeits.size(), Duration.ofMinutes(4));
      Thread.sleep(3_000); // a few more checkpoints: a late duplicate would be committed now
      List<ConsumerRecord<String, String>> all = kafka.readCommitted(Topics.INFRINGEMENTS.name());
      job.cancel().get();

      System.out.printf("[drill 2] broker restarted (down 5 s) after %d of %d listings were sent; %d flags committed "
          + "for %d counterfeits%n", sentAtRestart, sent, all.size(), counterfeits.size());
      assertTrue(sentAtRestart < LISTINGS, "the restart came while listings were still being sent");
      assertEquals(LISTINGS, sent);
      assertEquals(counterfeits, flagged, "every counterfeit flagged, nothing else");
      assertEquals(all.size(), new HashSet<>(all.stream().map(ConsumerRecord::key).toList()).size(),
          "no flag committed twice");
      assertTrue(listingsIn(kafka) >= LISTINGS, "the listings topic holds every listing");
    }
  }

  private static KafkaProducer<String, String> producer(ItKafka kafka) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("delivery.timeout.ms", "300000");
    p.put("max.block.ms", "300000");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** 30 listings every 100 ms, as a crawler fleet would; blocks through the restart instead of dropping. */
  private static int publishSlowly(ItKafka kafka, List<Listing> listings, AtomicInteger progress) {
    int sent = 0;
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      for (Listing l : listings) {
        producer.send(ItKafka.listing(l));
        progress.set(++sent);
        if (sent % 30 == 0) {
          Thread.sleep(100);
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return sent;
  }

  private static Set<String> awaitCommittedFlags(ItKafka kafka, int atLeast, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Set<String> listings = new TreeSet<>();
      try {
        for (ConsumerRecord<String, String> r : kafka.readCommitted(Topics.INFRINGEMENTS.name())) {
          listings.add(Json.read(r.value(), Flag.class).listingId());
        }
      } catch (RuntimeException | AssertionError e) {
        // the broker is restarting
      }
      if (listings.size() >= atLeast) {
        return listings;
      }
      assertTrue(System.nanoTime() < deadline, "only " + listings.size() + " of " + atLeast + " flags committed");
      Thread.sleep(250);
    }
  }

  private static long listingsIn(ItKafka kafka) {
    return kafka.readCommitted(Topics.LISTINGS.name()).size();
  }
}
