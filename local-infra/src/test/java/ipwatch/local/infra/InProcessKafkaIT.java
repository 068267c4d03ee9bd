package ipwatch.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessKafkaIT {

  @TempDir Path dir;

  @Test
  void keyedRecordWrittenWithAcksAllIsReadByReadCommittedConsumer() throws Exception {
    try (InProcessKafka kafka = timed("start (format)", () -> InProcessKafka.start(dir, 0))) {
      kafka.createTopics(List.of(Topics.LISTINGS), 2);
      send(kafka, "listings", "listing-1", "{\"title\":\"x\"}");
      List<ConsumerRecord<String, String>> read = readAll(kafka, "listings", 1);
      assertEquals(1, read.size());
      assertEquals("listing-1", read.get(0).key());
      assertEquals("{\"title\":\"x\"}", read.get(0).value());
    }
  }

  @Test
  void restartOnTheSameDirectoryKeepsTopicsAndRecords() throws Exception {
    try (InProcessKafka kafka = InProcessKafka.start(dir, 0)) {
      kafka.createTopics(Topics.all(), 2);
      send(kafka, "infringements", "flag-1", "{}");
    }
    try (InProcessKafka kafka = timed("restart", () -> InProcessKafka.start(dir, 0))) {
      try (Admin admin = admin(kafka)) {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertTrue(names.containsAll(Set.of("listings", "ip-registry", "infringements", "listings-dlq")), names
            .toString());
      }
      assertEquals("flag-1", readAll(kafka, "infringements", 1).get(0).key());
    }
  }

  @Test
  void creatingTopicsTwiceIsFineAndTheRegistryIsCompacted() throws Exception {
    try (InProcessKafka kafka = InProcessKafka.start(dir, 0)) {
      kafka.createTopics(Topics.all(), 2);
      kafka.createTopics(Topics.all(), 2);
      try (Admin admin = admin(kafka)) {
        ConfigResource registry = new ConfigResource(ConfigResource.Type.TOPIC, "ip-registry");
        ConfigResource listings = new ConfigResource(ConfigResource.Type.TOPIC, "listings");
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(registry, listings)).all()
            .get(30, TimeUnit.SECONDS);
        assertEquals("compact", configs.get(registry).get("cleanup.policy").value());
        assertEquals("delete", configs.get(listings).get("cleanup.policy").value());
        assertEquals(2, admin.describeTopics(List.of("listings")).allTopicNames().get(30, TimeUnit.SECONDS)
            .get("listings").partitions().size());
      }
    }
  }

  @Test
  void fixedPortInUseIsRefusedWithAClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> InProcessKafka.start(dir, taken.getLocalPort()));
      assertTrue(e.getMessage().contains("IPWATCH_LOCAL_KAFKA_PORT"), e.getMessage());
    }
  }

  private static void send(InProcessKafka kafka, String topic, String key, String value) throws Exception {
    Map<String, Object> p = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
        new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<ConsumerRecord<String, String>> readAll(InProcessKafka kafka, String topic, int expected) {
    Map<String, Object> p = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
        new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(out::add);
      }
    }
    return out;
  }

  private static Admin admin(InProcessKafka kafka) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  static <T> T timed(String what, Callable<T> start) throws Exception {
    long t = System.nanoTime();
    T result = start.call();
    System.out.printf("Kafka %s: %d ms%n", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
    return result;
  }
}
