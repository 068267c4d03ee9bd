package ipwatch.stream.match;

import ipwatch.local.infra.InProcessKafka;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker the local stack runs ({@link InProcessKafka}) on a fresh directory under target/, with every topic at
 * two partitions, and the producer and read_committed reader the integration tests use.
 */
public final class ItKafka implements AutoCloseable {
  private volatile InProcessKafka kafka;
  private final Path dir;

  private ItKafka(InProcessKafka kafka, Path dir) {
    this.kafka = kafka;
    this.dir = dir;
  }

  public static ItKafka start(String name) {
    Path dir = Path.of("target/it-data/" + name).toAbsolutePath();
    deleteTree(dir);
    InProcessKafka kafka = InProcessKafka.start(dir, 0);
    kafka.createTopics(Topics.all(), 2);
    return new ItKafka(kafka, dir);
  }

  /** Stops the broker, waits {@code down}, and starts it again on the same port and data: a broker restart. */
  public void restart(Duration down) throws InterruptedException {
    String servers = kafka.bootstrapServers();
    int port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    kafka.close();
    Thread.sleep(down.toMillis());
    kafka = InProcessKafka.start(dir, port);
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Job settings from the defaults file, pointed at this broker, with the given overrides. */
  MatchJobSettings settings(Map<String, String> overrides) {
    return MatchJobSettings.from(config(overrides));
  }

  /** The defaults file pointed at this broker (checkpoints every 300 ms unless overridden), with the overrides. */
  public ipwatch.model.config.Config config(Map<String, String> overrides) {
    return ipwatch.model.config.Config.load(Path.of("../config/stream-jobs.yaml"), env(overrides));
  }

  /** The environment {@link #config} applies. */
  public Map<String, String> env(Map<String, String> overrides) {
    java.util.Map<String, String> env = new java.util.HashMap<>(overrides);
    env.put("IPWATCH_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
    env.putIfAbsent("IPWATCH_CHECKPOINT_INTERVAL", "300ms");
    return env;
  }

  public KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers());
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** The demo registry (TestData.demoRegistry) onto {@code ip-registry}, keyed by asset id. */
  public static void sendDemoRegistry(KafkaProducer<String, String> producer) {
    for (IpAsset asset : TestData.demoRegistry()) {
      producer.send(new ProducerRecord<>(Topics.IP_REGISTRY.name(), asset.assetId(), Json.write(asset)));
    }
  }

  public static ProducerRecord<String, String> listing(Listing l) {
    return new ProducerRecord<>(Topics.LISTINGS.name(), l.listingId(), Json.write(l));
  }

  /** Everything committed to the topic so far: reads until every partition's last stable offset. */
  public List<ConsumerRecord<String, String>> readCommitted(String topic) {
    return readCommitted(bootstrapServers(), topic);
  }

  /** Everything committed to the topic on any cluster so far: reads until every partition's last stable offset. */
  public static List<ConsumerRecord<String, String>> readCommitted(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
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

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  @Override
  public void close() {
    kafka.close();
  }
}
