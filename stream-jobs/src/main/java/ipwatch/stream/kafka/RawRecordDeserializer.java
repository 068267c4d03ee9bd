package ipwatch.stream.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands each record on as its raw JSON text (listings to match and index, flags to index): parsing, and
 * dead-lettering, happens downstream, so a malformed record never fails the source. A null value (a tombstone)
 * carries nothing.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<String> {
  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
    if (record.value() != null) {
      out.collect(new String(record.value(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}
