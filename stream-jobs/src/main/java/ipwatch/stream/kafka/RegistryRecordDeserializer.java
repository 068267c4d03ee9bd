package ipwatch.stream.kafka;

import ipwatch.match.Records;
import ipwatch.model.BadRecordException;
import ipwatch.model.IpAsset;
import ipwatch.stream.match.RegistryUpdate;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code ip-registry} topic, key and value: the key is the asset id, a null value (tombstone)
 * removes the asset. The registry is written only by casework-api, so an unreadable record is a bug upstream: it is
 * logged and skipped rather than allowed to stop matching for every other asset.
 */
public final class RegistryRecordDeserializer implements KafkaRecordDeserializationSchema<RegistryUpdate> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RegistryRecordDeserializer.class);

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RegistryUpdate> out) {
    if (record.key() == null) {
      LOG.error("ip-registry record at {}-{}@{} has no key; skipped", record.topic(), record.partition(),
          record.offset());
      return;
    }
    String assetId = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      out.collect(RegistryUpdate.tombstone(assetId));
      return;
    }
    try {
      IpAsset asset = Records.asset(new String(record.value(), StandardCharsets.UTF_8));
      if (!asset.assetId().equals(assetId)) {
        throw new BadRecordException("key " + assetId + " differs from assetId " + asset.assetId());
      }
      out.collect(RegistryUpdate.put(asset));
    } catch (BadRecordException e) {
      LOG.error("ip-registry record {} at {}-{}@{} skipped: {}", assetId, record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  @Override
  public TypeInformation<RegistryUpdate> getProducedType() {
    return RegistryUpdate.TYPE;
  }
}
