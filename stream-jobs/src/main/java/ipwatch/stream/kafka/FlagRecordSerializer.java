package ipwatch.stream.kafka;

import ipwatch.model.Flag;
import ipwatch.model.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A flag as JSON keyed by its flagId, so every version of one listing/asset pair lands in one partition, in order. */
public final class FlagRecordSerializer implements KafkaRecordSerializationSchema<Flag> {
  private static final long serialVersionUID = 1L;
  private final String topic;

  public FlagRecordSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(Flag flag, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        topic, flag.flagId().getBytes(StandardCharsets.UTF_8), Json.write(flag).getBytes(StandardCharsets.UTF_8));
  }
}
