package ipwatch.casework.registry;

import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes registry assets to the compacted {@code ip-registry} topic, keyed by assetId, with an idempotent producer
 * and {@code acks=all}: a republish only rewrites the latest value of each key.
 */
public final class RegistryPublisher implements AutoCloseable {
  private static final long SEND_TIMEOUT_SECONDS = 30;
  private final Producer<String, String> producer;
  private final String topic;

  public RegistryPublisher(String bootstrapServers, String topic) {
    this.topic = topic;
    this.producer = new KafkaProducer<>(producerConfig(bootstrapServers));
  }

  /** The producer settings, public so that a test can assert the reliability settings (DESIGN §5). */
  public static Properties producerConfig(String bootstrapServers) {
    Properties p = new Properties();
    p.putAll(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "casework-api-registry",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
        ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    return p;
  }

  /** Sends every asset and waits until all are acknowledged; throws when any is not. */
  public void publish(List<IpAsset> assets) throws InterruptedException {
    publishRaw(topic, assets.stream().map(a -> Map.entry(a.assetId(), Json.write(a))).toList());
  }

  /** Sends raw records (a null value is a tombstone) in order and waits for every acknowledgement. */
  public void publishRaw(String recordTopic, List<Map.Entry<String, String>> records) throws InterruptedException {
    List<java.util.concurrent.Future<?>> sent = records.stream()
        .<java.util.concurrent.Future<?>>map(e -> producer.send(new ProducerRecord<>(recordTopic, e.getKey(), e.getValue())))
        .toList();
    producer.flush();
    for (var f : sent) {
      try {
        f.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("publishing to " + recordTopic + " failed: " + e.getMessage(), e);
      }
    }
  }

  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
