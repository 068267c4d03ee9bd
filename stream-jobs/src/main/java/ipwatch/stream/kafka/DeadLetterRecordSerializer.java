package ipwatch.stream.kafka;

import ipwatch.stream.match.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** The original record unchanged as the value, the cause in the {@code ipwatch-error} header. */
public final class DeadLetterRecordSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
  private static final long serialVersionUID = 1L;
  public static final String ERROR_HEADER = "ipwatch-error";
  public static final String SOURCE_HEADER = "ipwatch-source-topic";
  private final String topic;
  private final String sourceTopic;

  public DeadLetterRecordSerializer(String topic, String sourceTopic) {
    this.topic = topic;
    this.sourceTopic = sourceTopic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    List<Header> headers =
        List.of(
            new RecordHeader(ERROR_HEADER, letter.cause().getBytes(StandardCharsets.UTF_8)),
            new RecordHeader(SOURCE_HEADER, sourceTopic.getBytes(StandardCharsets.UTF_8)));
    return new ProducerRecord<>(
        topic,
        null,
        null,
        letter.key() == null ? null : letter.key().getBytes(StandardCharsets.UTF_8),
        letter.value() == null ? null : letter.value().getBytes(StandardCharsets.UTF_8),
        headers);
  }
}
