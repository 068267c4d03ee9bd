package ipwatch.casework.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.casework.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-poll mode of {@link AtLeastOnceConsumer} on a real KRaft broker: a batch whose handler fails (an outage) is
 * handed over again from its first record, nothing of it is committed meanwhile, and its offsets are committed once
 * the whole batch succeeded.
 */
class AtLeastOnceConsumerIT {
  private static final int RECORDS = 40;
  private static KafkaClusterTestKit kafka;

  @BeforeAll
  static void start() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** One poll as the handler saw it: the records' ids and the group's committed offsets. */
  private record Call(List<String> ids, long committed, boolean failed) {}

  @Test
  void aFailedBatchIsRetriedFromItsFirstRecordAndCommittedOnlyAfterItSucceeded() throws Exception {
    String topic = "batches-" + UUID.randomUUID().toString().substring(0, 8);
    String group = "batch-group-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TestKafka.rawProducerConfig(kafka.bootstrapServers()))) {
        for (int i = 0; i < RECORDS; i++) {
          producer.send(new ProducerRecord<>(topic, "k" + i, ("r" + i).getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
      }
      List<Call> calls = new CopyOnWriteArrayList<>();
      AtLeastOnceConsumer loop = AtLeastOnceConsumer.perPoll(
          AtLeastOnceConsumer.config(kafka.bootstrapServers(), group, "batch-it", 500), topic, "batch-it",
          records -> {
            List<String> ids = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
              ids.add(new String(r.value(), StandardCharsets.UTF_8));
            }
            boolean fail = calls.isEmpty(); // the first batch meets an outage
            calls.add(new Call(ids, TestKafka.committedOffsets(kafka.bootstrapServers(), group), fail));
            if (fail) {
              throw new IllegalStateException("database unavailable (injected)");
            }
          });
      try (AtLeastOnceConsumer running = loop.start()) {
        eventually(() -> TestKafka.committedOffsets(kafka.bootstrapServers(), group) == RECORDS);
      }

      Call failed = calls.get(0);
      Call retry = calls.get(1);
      assertTrue(failed.failed());
      assertFalse(failed.ids().isEmpty());
      assertEquals(0, retry.committed(), "nothing of the failed batch was committed before it succeeded");
      Set<String> handled = new HashSet<>();
      calls.stream().filter(c -> !c.failed()).forEach(c -> handled.addAll(c.ids()));
      assertTrue(handled.containsAll(failed.ids()), "every record of the failed batch was handed over again");
      assertEquals(RECORDS, handled.size());
    }
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(200);
    }
  }
}
