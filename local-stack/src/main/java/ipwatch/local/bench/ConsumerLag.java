package ipwatch.local.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag per group: committed records still to read, against the last stable offset (transactions still open
 * are not lag). Flink's sources commit on checkpoints, so their lag includes up to one checkpoint interval.
 */
final class ConsumerLag implements AutoCloseable {
  private final Admin admin;

  ConsumerLag(String bootstrapServers) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "platform-load-bench-lag");
    admin = Admin.create(p);
  }

  /** Lag of each group on {@code topic}; -1 for a group that has committed nothing yet. */
  Map<String, Long> of(String topic, String... groups) {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      var description = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      description.get(topic).partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
          OffsetSpec.latest()));
      var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
          .get(10, TimeUnit.SECONDS);
      for (String group : groups) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long lag = 0;
        boolean any = false;
        for (var end : ends.entrySet()) {
          OffsetAndMetadata c = committed.get(end.getKey());
          any |= c != null;
          lag += Math.max(0, end.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        out.put(group, any ? lag : -1);
      }
    } catch (Exception e) {
      for (String g : groups) {
        out.putIfAbsent(g, -1L);
      }
    }
    return out;
  }

  /** Records committed to the topic (the sum of its partitions' last stable offsets), -1 when unknown. */
  long committedEnd(String topic) {
    try {
      var description = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      description.get(topic).partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
          OffsetSpec.latest()));
      return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
          .get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
    } catch (Exception e) {
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
