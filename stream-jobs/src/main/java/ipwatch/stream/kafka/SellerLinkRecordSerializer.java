package ipwatch.stream.kafka;

import ipwatch.link.seller.SellerLink;
import ipwatch.model.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A seller link as JSON keyed by sellerId, so every version of one account's cluster lands in one partition. */
public final class SellerLinkRecordSerializer implements KafkaRecordSerializationSchema<SellerLink> {
  private static final long serialVersionUID = 1L;
  private final String topic;

  public SellerLinkRecordSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(SellerLink link, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, link.sellerId().getBytes(StandardCharsets.UTF_8),
        Json.write(link).getBytes(StandardCharsets.UTF_8));
  }
}
