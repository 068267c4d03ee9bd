package ipwatch.local.infra;

import ipwatch.model.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka (broker and KRaft controller in one) inside this JVM, built from the kafka_2.13 jar alone.
 *
 * <p>The log directory is formatted only when it has no meta.properties, so a restart on the same directory keeps
 * every topic and offset. The controller listens on a port of its own picked at each start; with a static quorum the
 * voter's address comes from the configuration, not from the log, so it may change between runs.
 *
 * <p>transaction.max.timeout.ms stays at the broker default (15 min): Flink's exactly-once KafkaSink defaults to a 1 h
 * transaction timeout and must set transaction.timeout.ms below 15 min, or InitProducerId fails and the job restarts
 * forever. Keeping the production default here means that mistake shows up locally, not first in production.
 */
public final class InProcessKafka implements AutoCloseable {
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private InProcessKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats {@code dataDir} if new and starts the node; returns once the broker is unfenced and serving.
   *
   * @param port the client port; 0 picks a free one
   */
  public static InProcessKafka start(Path dataDir, int port) {
    int brokerPort = port == 0 ? Ports.free() : port;
    if (port != 0) {
      Ports.requireFree(port, "Kafka");
    }
    int controllerPort = Ports.free();
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Kafka data directory " + dir, e);
    }
    KafkaConfig config = new KafkaConfig(settings(dir, brokerPort, controllerPort), false);
    formatIfNew(dir);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      server.awaitShutdown();
      throw new IllegalStateException("Kafka did not start on port " + brokerPort + " with data in " + dir + ": " + e,
          e);
    }
    return new InProcessKafka(server, "127.0.0.1:" + brokerPort);
  }

  static Map<String, Object> settings(Path dir, int brokerPort, int controllerPort) {
    Map<String, Object> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
        + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dir.toString());
    // One node: every internal topic has one replica, and min ISR 1 so transactions (Flink exactly-once) can commit.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // 50 partitions each (the defaults) cost seconds on the first consumer group and first transaction on 2 cores.
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.num.partitions", "1");
    // Nobody else is about to join the group; the 3 s default only delays every local consumer.
    p.put("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  private static void formatIfNew(Path dir) {
    if (Files.exists(dir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dir.toString())
          .addDirectory(dir.toString())
          .setHasDynamicQuorum(false)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the Kafka data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** "127.0.0.1:port", for bootstrap.servers. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Creates the topics that do not exist yet; existing ones are left as they are (their partition count and
   * configuration are not changed). Compacted topics get cleanup.policy=compact.
   */
  public void createTopics(List<Topics.Topic<?>> topics, int partitions) {
    TopicCreator.create(bootstrapServers, topics, partitions, 1, Map.of());
  }

  /** Stops the broker and controller and waits until they have released the log directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
  }
}
