package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Flag;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Topics;
import ipwatch.stream.kafka.KafkaIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault drill 1 (issue 9): the match job is stopped mid-stream — cancelled with transactions open and listings still
 * arriving, as a crashed JobManager leaves it — and a new job is started from its last retained checkpoint. The flags
 * read with read_committed must equal those of an undisturbed run over the same input: nothing lost, nothing doubled.
 * Each run gets its own fresh in-process broker so the two outputs cannot mix. The jobs run on the production state
 * backend (RocksDB, incremental checkpoints: config/stream-jobs.yaml), so the restore reads an incremental checkpoint.
 */
class MatchJobKillAndRestoreIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
              .build());

  private static final int LISTINGS = 600;
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Test
  void flagsAfterAKillAndARestoreFromTheLastCheckpointEqualThoseOfAnUndisturbedRun() throws Exception {
    List<Listing> listings = listings();
    Set<String> undisturbed;
    try (ItKafka kafka = ItKafka.start("kafka-undisturbed-it")) {
      publish(kafka, TestData.demoRegistry(), listings);
      MatchJobSettings settings = kafka.settings(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "undisturbed-it"));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      job(settings, true).build(env);
      env.execute("undisturbed");
      undisturbed = flags(kafka);
    }
    assertEquals(LISTINGS / 3, undisturbed.size(), "the undisturbed run flags every counterfeit once");

    Path checkpoints = Path.of("target/it-data/kill-restore-checkpoints").toAbsolutePath();
    ItKafka.deleteTree(checkpoints);
    try (ItKafka kafka = ItKafka.start("kafka-kill-restore-it")) {
      MatchJobSettings settings = kafka.settings(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", "kill-restore-it"));
      publish(kafka, TestData.demoRegistry(), listings.subList(0, LISTINGS / 2));

      JobClient first = start(settings, checkpoints, null);
      Path checkpoint = awaitCheckpoint(checkpoints);
      awaitAtLeastOneCommittedFlag(kafka);
      publish(kafka, List.of(), listings.subList(LISTINGS / 2, LISTINGS)); // still arriving when the job dies
      first.cancel().get();
      Path last = latestCheckpoint(checkpoints).orElse(checkpoint);
      int committedAtKill = flags(kafka).size();
      long sharedFiles = sharedFiles(last);

      JobClient second = start(settings, checkpoints, last);
      Set<String> restored = awaitFlags(kafka, undisturbed.size());
      second.cancel().get();

      System.out.printf("[drill 1] undisturbed %d flags; killed with %d committed; restored from %s (%d shared "
              + "RocksDB files) -> %d flags%n",
          undisturbed.size(), committedAtKill, checkpoints.relativize(last), sharedFiles, restored.size());
      assertTrue(sharedFiles > 0, "the job checkpoints incrementally with RocksDB (state.backend, state.incremental): "
          + "the retained checkpoint's files live in the job's shared/ directory");
      assertTrue(committedAtKill < undisturbed.size(), "the kill came before the input was done: " + committedAtKill);
      assertEquals(undisturbed, restored, "the same flags as the undisturbed run");
      List<ConsumerRecord<String, String>> all = kafka.readCommitted(Topics.INFRINGEMENTS.name());
      assertEquals(all.size(), new HashSet<>(all.stream().map(ConsumerRecord::key).toList()).size(),
          "no flag committed twice");
    }
  }

  private static MatchJob job(MatchJobSettings settings, boolean bounded) {
    return new MatchJob(KafkaIo.listingsSource(settings.runtime(), bounded),
        KafkaIo.registrySource(settings.runtime(), bounded), KafkaIo.flagSink(settings.runtime()),
        KafkaIo.deadLetterSink(settings.runtime()), settings);
  }

  /** An unbounded job that keeps its checkpoints when cancelled, restored from {@code restoreFrom} when given. */
  private static JobClient start(MatchJobSettings settings, Path checkpoints, Path restoreFrom) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    if (restoreFrom != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
      conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.NO_CLAIM);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    job(settings, false).build(env);
    return env.executeAsync(restoreFrom == null ? "killed" : "restored");
  }

  private static List<Listing> listings() {
    List<Listing> out = new ArrayList<>();
    for (int i = 0; i < LISTINGS / 3; i++) {
      out.add(TestData.counterfeit("l-counterfeit-" + i));
      out.add(TestData.genuine("l-genuine-" + i));
      out.add(TestData.unrelated("l-unrelated-" + i));
    }
    return out;
  }

  private static void publish(ItKafka kafka, List<IpAsset> registry, List<Listing> listings) {
    try (KafkaProducer<String, String> producer = kafka.producer()) {
      for (IpAsset asset : registry) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.IP_REGISTRY.name(),
            asset.assetId(), Json.write(asset)));
      }
      for (Listing l : listings) {
        producer.send(ItKafka.listing(l));
      }
      producer.flush();
    }
  }

  /** Each committed flag as key, listing, asset, kind and score: what casework would act on. */
  private static Set<String> flags(ItKafka kafka) {
    Set<String> out = new TreeSet<>();
    for (ConsumerRecord<String, String> r : kafka.readCommitted(Topics.INFRINGEMENTS.name())) {
      Flag f = Json.read(r.value(), Flag.class);
      out.add(r.key() + " " + f.listingId() + " " + f.assetId() + " " + f.kind() + " " + f.score());
    }
    return out;
  }

  private static Path awaitCheckpoint(Path dir) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Path> p = latestCheckpoint(dir);
      if (p.isPresent()) {
        return p.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no completed checkpoint under " + dir);
  }

  private static void awaitAtLeastOneCommittedFlag(ItKafka kafka) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (flags(kafka).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no flag was committed before the kill");
      Thread.sleep(100);
    }
  }

  private static Set<String> awaitFlags(ItKafka kafka, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Set<String> seen = flags(kafka);
    while (seen.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
      seen = flags(kafka);
    }
    Thread.sleep(2_000); // two more checkpoints: a duplicate would show up now
    return flags(kafka);
  }

  /**
   * Files of the job's {@code shared/} directory, next to {@code chk-N}: where incremental RocksDB checkpoints put the
   * state files several checkpoints reference. A full snapshot (heap backend) leaves it empty.
   */
  private static long sharedFiles(Path checkpoint) throws IOException {
    Path shared = checkpoint.getParent().resolve("shared");
    if (!Files.isDirectory(shared)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(shared)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  /** The newest completed checkpoint (one with its _metadata written) under the job's directory. */
  private static Optional<Path> latestCheckpoint(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.walk(dir, 2)) {
      return s.filter(p -> p.getFileName().toString().startsWith("chk-"))
          .filter(p -> Files.exists(p.resolve("_metadata")))
          .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(4))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
