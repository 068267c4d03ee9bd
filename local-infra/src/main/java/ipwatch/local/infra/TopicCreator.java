package ipwatch.local.infra;

import ipwatch.model.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the platform's topics that do not exist yet, for the single broker and the three-node cluster alike. */
final class TopicCreator {
  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  private TopicCreator() {}

  /**
   * Each topic with {@code partitions} partitions and {@code replicas} replicas, the given topic configs, and
   * cleanup.policy=compact for compacted topics. Existing topics are left as they are.
   */
  static void create(String bootstrapServers, List<Topics.Topic<?>> topics, int partitions, int replicas,
      Map<String, String> configs) {
    List<NewTopic> wanted = new ArrayList<>();
    for (Topics.Topic<?> t : topics) {
      Map<String, String> c = new HashMap<>(configs);
      if (t.compacted()) {
        c.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      }
      wanted.add(new NewTopic(t.name(), partitions, (short) replicas).configs(c));
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (var entry : admin.createTopics(wanted).values().entrySet()) {
        awaitCreated(entry.getKey(), entry.getValue());
      }
    }
  }

  private static void awaitCreated(String topic, KafkaFuture<Void> future) {
    try {
      future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic " + topic + " took over " + ADMIN_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    }
  }
}
