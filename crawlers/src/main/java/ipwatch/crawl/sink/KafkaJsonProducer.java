package ipwatch.crawl.sink;

import ipwatch.model.Json;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * JSON values with string keys, idempotent and acks=all (DESIGN §5). Sends are asynchronous for throughput; the first
 * failed send is remembered and rethrown on the next send or on close, so a broker problem cannot lose records
 * silently.
 */
final class KafkaJsonProducer implements AutoCloseable {
  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  KafkaJsonProducer(String bootstrapServers, String topic, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
    this.topic = topic;
  }

  void send(String key, Object value) {
    rethrowFailure();
    producer.send(new ProducerRecord<>(topic, key, Json.write(value)), (meta, e) -> {
      if (e != null) {
        failure.compareAndSet(null, e);
      }
    });
  }

  private void rethrowFailure() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("a record could not be written to Kafka topic " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.flush();
    producer.close();
    rethrowFailure();
  }
}
