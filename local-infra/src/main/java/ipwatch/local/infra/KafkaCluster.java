package ipwatch.local.infra;

import ipwatch.model.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A three-node KRaft cluster in this JVM: every node is broker and controller (the quorum of docker-compose.yml), on
 * its own loopback ports and data directory. The durability contract is the production one: replication factor 3
 * for every topic, internal ones included, and min.insync.replicas=2, so one node may be down while acks=all
 * producers and transactions (Flink's exactly-once sink) go on.
 *
 * <p>A stopped node is a clean shutdown (the JVM is shared, so it cannot be killed on its own); leadership moves to the
 * other two as it would after a crash, only sooner.
 */
public final class KafkaCluster implements AutoCloseable {
  public static final int NODES = 3;
  public static final int MIN_IN_SYNC_REPLICAS = 2;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  private final Path dir;
  private final int[] brokerPorts;
  private final int[] controllerPorts;
  private final KafkaRaftServer[] servers = new KafkaRaftServer[NODES];
  private boolean closed;

  private KafkaCluster(Path dir, int[] brokerPorts, int[] controllerPorts) {
    this.dir = dir;
    this.brokerPorts = brokerPorts;
    this.controllerPorts = controllerPorts;
  }

  /** Formats three fresh data directories under {@code dataDir} and starts the nodes; returns once all serve. */
  public static KafkaCluster start(Path dataDir) {
    KafkaCluster cluster = onFreePorts(dataDir);
    cluster.start();
    return cluster;
  }

  /**
   * Picks the nodes' ports without starting anything, so {@link #bootstrapServers()} is known before the cluster runs
   * (clients configured up front can start alongside it); {@link #start()} starts it.
   */
  public static KafkaCluster onFreePorts(Path dataDir) {
    int[] brokerPorts = new int[NODES];
    int[] controllerPorts = new int[NODES];
    for (int i = 0; i < NODES; i++) {
      brokerPorts[i] = Ports.free();
      controllerPorts[i] = Ports.free();
    }
    return new KafkaCluster(dataDir.toAbsolutePath().normalize(), brokerPorts, controllerPorts);
  }

  /** Formats three fresh data directories and starts the nodes; returns once all serve. */
  public void start() {
    String clusterId = Uuid.randomUuid().toString();
    for (int i = 0; i < NODES; i++) {
      format(i, clusterId);
    }
    // A node's start-up waits for the quorum, so the three must start together.
    List<CompletableFuture<Void>> starting = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      int node = i;
      starting.add(CompletableFuture.runAsync(() -> startNode(node), KafkaCluster::onOwnThread));
    }
    try {
      CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("the Kafka cluster did not start in " + dir + ": " + e, e);
    }
  }

  /** The common pool has one thread on two cores; nodes that wait for each other need a thread each. */
  private static void onOwnThread(Runnable task) {
    Thread t = new Thread(task, "kafka-cluster-node");
    t.setDaemon(true);
    t.start();
  }

  private Path nodeDir(int node) {
    return dir.resolve("node-" + (node + 1));
  }

  private void format(int node, String clusterId) {
    Path d = nodeDir(node);
    try {
      Files.createDirectories(d);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(node + 1)
          .setClusterId(clusterId)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(d.toString())
          .addDirectory(d.toString())
          .setHasDynamicQuorum(false)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Kafka data directory " + d, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the Kafka data directory " + d + ": " + e.getMessage(), e);
    }
  }

  /** Starts node {@code node} (0-based) on its ports and data: a restart after {@link #stopNode}. */
  public void startNode(int node) {
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(settings(node), false), Time.SYSTEM);
    synchronized (this) {
      servers[node] = server;
    }
    server.startup();
  }

  /** Shuts node {@code node} (0-based) down and waits until it has released its ports and data. */
  public void stopNode(int node) {
    KafkaRaftServer server;
    synchronized (this) {
      server = servers[node];
      servers[node] = null;
    }
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
    }
  }

  Map<String, Object> settings(int node) {
    Map<String, Object> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(node + 1));
    String voters = java.util.stream.IntStream.range(0, NODES)
        .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
        .collect(Collectors.joining(","));
    p.put("controller.quorum.voters", voters);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[node] + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
        + controllerPorts[node]);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[node]);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", nodeDir(node).toString());
    p.put("auto.create.topics.enable", "false");
    // the durability contract of docker-compose.yml: 3 replicas, 2 must acknowledge, for internal topics too
    p.put("default.replication.factor", String.valueOf(NODES));
    p.put("min.insync.replicas", String.valueOf(MIN_IN_SYNC_REPLICAS));
    p.put("offsets.topic.replication.factor", String.valueOf(NODES));
    p.put("transaction.state.log.replication.factor", String.valueOf(NODES));
    p.put("transaction.state.log.min.isr", String.valueOf(MIN_IN_SYNC_REPLICAS));
    p.put("share.coordinator.state.topic.replication.factor", String.valueOf(NODES));
    p.put("share.coordinator.state.topic.min.isr", String.valueOf(MIN_IN_SYNC_REPLICAS));
    // fewer internal partitions than the 50 defaults: three nodes in one JVM on two cores
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.num.partitions", "3");
    p.put("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  /** Every node's "127.0.0.1:port", comma-separated, for bootstrap.servers. */
  public String bootstrapServers() {
    return java.util.Arrays.stream(brokerPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /**
   * Creates the topics that do not exist yet, each with {@code partitions} partitions replicated on all three nodes
   * and min.insync.replicas=2; compacted topics get cleanup.policy=compact.
   */
  public void createTopics(List<Topics.Topic<?>> topics, int partitions) {
    TopicCreator.create(bootstrapServers(), topics, partitions, NODES,
        Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(MIN_IN_SYNC_REPLICAS)));
  }

  /**
   * Stops every running node, all at once: stopped one by one, the last would wait for a controller quorum that is
   * already gone.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      int node = i;
      stopping.add(CompletableFuture.runAsync(() -> stopNode(node), KafkaCluster::onOwnThread));
    }
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
  }
}
