package ipwatch.stream.multihost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.local.infra.FlinkRestClient;
import ipwatch.local.infra.FlinkStandaloneCluster;
import ipwatch.local.infra.KafkaCluster;
import ipwatch.model.Flag;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Topics;
import ipwatch.stream.StreamJobsMain;
import ipwatch.stream.match.ItKafka;
import ipwatch.stream.match.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Multi-host drill (issue 9): the job jar (target/stream-jobs-*-job.jar) submitted through the REST API to a Flink
 * standalone cluster of separate processes (a JobManager, two TaskManagers with two slots each) that reads and writes
 * a three-node Kafka cluster (replication 3, min.insync.replicas=2). While listings stream in, one TaskManager is
 * killed with SIGKILL, and after the job has recovered on the other one, a Kafka node is stopped. Afterwards every
 * counterfeit has exactly one read_committed flag: none lost, none doubled.
 */
class StreamJobsMultiHostIT {
  private static final int LISTINGS = 1200;
  private static final int PARALLELISM = 2;
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Test
  void killingATaskManagerAndABrokerMidStreamLosesAndDoublesNoFlag() throws Exception {
    Path work = Path.of("target/it-data/multi-host").toAbsolutePath();
    deleteTree(work);
    Path jobJar = Path.of(System.getProperty("ipwatch.jobJar", "target/stream-jobs-0.1.0-SNAPSHOT-job.jar"));
    assertTrue(Files.isRegularFile(jobJar), "the job jar is built by `package` (maven-shade-plugin): " + jobJar);

    List<Listing> listings = new ArrayList<>();
    Set<String> counterfeits = new TreeSet<>();
    for (int i = 0; i < LISTINGS / 3; i++) {
      listings.add(TestData.counterfeit("l-counterfeit-" + i));
      listings.add(TestData.genuine("l-genuine-" + i));
      listings.add(TestData.unrelated("l-unrelated-" + i));
      counterfeits.add("l-counterfeit-" + i);
    }

    long startedAt = System.nanoTime();
    try (KafkaCluster kafka = KafkaCluster.onFreePorts(work.resolve("kafka"))) {
      // Kafka starts in this JVM while the Flink processes boot: the job is submitted once both are up.
      CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(() -> {
        kafka.start();
        kafka.createTopics(Topics.all(), PARALLELISM);
        try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
          ItKafka.sendDemoRegistry(producer);
          producer.flush();
        }
      }, StreamJobsMultiHostIT::onOwnThread);
      Map<String, String> jobEnvironment = Map.of(
          "IPWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
          "IPWATCH_CHECKPOINT_INTERVAL", "500ms",
          "IPWATCH_RESTART_MAX_DELAY", "5s",
          "IPWATCH_ELASTICSEARCH_URL", "",
          // the state changelog, as docker-compose.yml runs production: the job turns it on, the cluster says where
          // the log lives (state.changelog.dstl.dfs.base-path below, shared storage like the checkpoints)
          "IPWATCH_STATE_CHANGELOG", "true");
      Map<String, String> flinkSettings = Map.of(
          // a dead TaskManager is noticed within seconds (refused heartbeat RPCs count too), not the default 50 s;
          // the timeout stays long enough that a busy machine's pauses are not taken for deaths
          "heartbeat.interval", "2s",
          "heartbeat.timeout", "15s",
          // one slot on each TaskManager, so killing either hits the job
          "taskmanager.load-balance.mode", "SLOTS",
          "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
          // The log's storage is the TaskManagers' setting: with only the job asking for "filesystem", they kept the
          // changes in memory (their default, meant for tests). RocksDB's own snapshot is materialised every 5 s
          // here (production: Flink's default, 10 min), so the restore after the kill reads both.
          "state.changelog.storage", "filesystem",
          "state.changelog.dstl.dfs.base-path", work.resolve("changelog").toUri().toString(),
          "state.changelog.periodic-materialize.interval", "5s");
      try (FlinkStandaloneCluster flink = FlinkStandaloneCluster.start(work.resolve("flink"),
          FrameworkClasspath.fromTestClasspath(), 2, 2, flinkSettings, jobEnvironment)) {
        kafkaReady.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        FlinkRestClient rest = flink.rest();
        String jarId = rest.uploadJar(jobJar);
        String jobId = rest.runJar(jarId, StreamJobsMain.class.getName(),
            List.of(Path.of("../config/stream-jobs.yaml").toAbsolutePath().toString()), PARALLELISM);
        await("the job runs on the cluster", () -> rest.job(jobId).fullyRunning());
        double setupSeconds = (System.nanoTime() - startedAt) / 1e9;

        // Three equal parts. The first is flagged completely before any fault; the TaskManager is killed while the
        // second is being sent, the Kafka node stopped while the third is.
        int part = LISTINGS / 3;
        AtomicInteger progress = new AtomicInteger();
        String servers = kafka.bootstrapServers();
        int sent = publish(servers, listings.subList(0, part), progress).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        long firstCounterfeits = listings.subList(0, part).stream().filter(l -> counterfeits.contains(l.listingId()))
            .count();
        await("the first part is flagged", () -> flagged(servers).size() >= firstCounterfeits);
        // the changelog is truncated after each materialisation (every 5 s here), so it may be empty at any one
        // moment once the input stops: count its files at three points and keep the most
        long changelogFiles = filesUnder(work.resolve("changelog"));

        CompletableFuture<Integer> second = publish(servers, listings.subList(part, 2 * part), progress);
        await("the second part is being sent", () -> progress.get() >= part + part / 10);
        String victim = rest.taskManagers().stream().filter(tm -> tm.slotsInUse() > 0).findFirst().orElseThrow().id();
        long lastRestartBefore = rest.job(jobId).lastRestartMillis();
        int sentAtKill = progress.get();
        long killedAt = System.nanoTime();
        flink.killTaskManager(victim);
        await("the job restarts and runs again on the remaining TaskManager",
            () -> {
              FlinkRestClient.JobStatus job = rest.job(jobId);
              return job.lastRestartMillis() > lastRestartBefore && job.fullyRunning();
            });
        double recoverySeconds = (System.nanoTime() - killedAt) / 1e9;
        sent += second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        changelogFiles = Math.max(changelogFiles, filesUnder(work.resolve("changelog")));

        CompletableFuture<Integer> third = publish(servers, listings.subList(2 * part, LISTINGS), progress);
        await("the third part is being sent", () -> progress.get() >= 2 * part + part / 10);
        int sentAtBrokerStop = progress.get();
        kafka.stopNode(KafkaCluster.NODES - 1);
        sent += third.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await("every counterfeit has a committed flag", () -> flagged(servers).size() >= counterfeits.size());
        Thread.sleep(3_000); // a few more checkpoints: a late duplicate would be committed now
        List<ConsumerRecord<String, String>> flags = ItKafka.readCommitted(kafka.bootstrapServers(),
            Topics.INFRINGEMENTS.name());
        Set<String> flaggedListings = listingIds(flags);
        boolean stillRunning = rest.job(jobId).fullyRunning();
        long sharedStateFiles = sharedStateFiles(work.resolve("checkpoints"));
        changelogFiles = Math.max(changelogFiles, filesUnder(work.resolve("changelog")));
        rest.cancel(jobId);

        System.out.printf("[multi-host] set-up (3 Kafka nodes, 3 Flink JVMs, jar upload and run) %.1f s; %d listings "
                + "(%d counterfeits) through a standalone Flink cluster (JobManager + 2 TaskManagers x 2 slots, "
                + "parallelism %d) on 3 Kafka nodes (RF 3, min ISR 2); TaskManager %s killed (SIGKILL) after %d "
                + "listings, job running again %.1f s later on %d TaskManager(s); Kafka node %d stopped after %d "
                + "listings; %d flags committed, %d distinct listings flagged; %d RocksDB checkpoint files, %d state changelog "
                + "files (most seen)%n",
            setupSeconds, sent, counterfeits.size(), PARALLELISM, victim, sentAtKill, recoverySeconds,
            flink.taskManagerIds().size(), KafkaCluster.NODES, sentAtBrokerStop, flags.size(), flaggedListings.size(),
            sharedStateFiles, changelogFiles);
        assertTrue(sentAtKill < 2 * part, "the TaskManager died while listings were still being sent");
        assertTrue(sentAtBrokerStop < LISTINGS, "the Kafka node stopped while listings were still being sent");
        assertEquals(LISTINGS, sent, "every listing was published, through the broker stop too");
        assertEquals(counterfeits, flaggedListings, "every counterfeit flagged, nothing else");
        assertEquals(flags.size(), new HashSet<>(flags.stream().map(ConsumerRecord::key).toList()).size(),
            "no flag committed twice");
        assertTrue(stillRunning, "the job still runs with one TaskManager and two Kafka nodes");
        assertTrue(sharedStateFiles > 0, "the cluster checkpoints the job's RocksDB state, the production backend "
            + "(materialised by the changelog backend into <job>/taskowned)");
        assertTrue(changelogFiles > 0, "state changes went to the changelog on the cluster's shared storage");
        assertFalse(flink.taskManagerIds().contains(victim));
      }
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrapServers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("delivery.timeout.ms", "300000");
    p.put("max.block.ms", "300000");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static CompletableFuture<Integer> publish(String servers, List<Listing> part, AtomicInteger progress) {
    return CompletableFuture.supplyAsync(() -> publishSlowly(servers, part, progress),
        StreamJobsMultiHostIT::onOwnThread);
  }

  /** 10 listings every 100 ms, as a crawler fleet would; blocks through failures instead of dropping. */
  private static int publishSlowly(String bootstrapServers, List<Listing> listings, AtomicInteger progress) {
    int sent = 0;
    try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
      for (Listing l : listings) {
        producer.send(new ProducerRecord<>(Topics.LISTINGS.name(), l.listingId(), Json.write(l)));
        sent++;
        progress.incrementAndGet();
        if (sent % 10 == 0) {
          Thread.sleep(100);
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return sent;
  }

  private static void onOwnThread(Runnable task) {
    Thread t = new Thread(task, "multi-host-publisher");
    t.setDaemon(true);
    t.start();
  }

  private static Set<String> flagged(String bootstrapServers) {
    return listingIds(ItKafka.readCommitted(bootstrapServers, Topics.INFRINGEMENTS.name()));
  }

  private static Set<String> listingIds(List<ConsumerRecord<String, String>> flags) {
    Set<String> ids = new TreeSet<>();
    flags.forEach(r -> ids.add(Json.read(r.value(), Flag.class).listingId()));
    return ids;
  }

  /** Polls until the condition holds; a failing call (a node restarting) counts as "not yet". */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException | AssertionError e) {
        // not reachable yet: try again
      }
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(250);
    }
  }

  /** Files in the jobs' {@code shared/} checkpoint directories, where only incremental RocksDB checkpoints write. */
  private static long sharedStateFiles(Path checkpoints) throws IOException {
    try (Stream<Path> paths = Files.walk(checkpoints)) {
      // incremental RocksDB checkpoints keep their files in <job>/shared; with the changelog on, the materialised
      // RocksDB snapshots are the task's own files, in <job>/taskowned
      return paths.filter(Files::isRegularFile)
          .filter(p -> Set.of("shared", "taskowned").contains(p.getParent().getFileName().toString())).count();
    }
  }

  /** Regular files under {@code dir}; a file the job deletes during the walk makes it walk again. */
  private static long filesUnder(Path dir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (!Files.exists(dir)) {
        return 0;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        return paths.filter(Files::isRegularFile).count();
      } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
