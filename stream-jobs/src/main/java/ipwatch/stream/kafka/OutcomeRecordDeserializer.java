package ipwatch.stream.kafka;

import ipwatch.model.BadRecordException;
import ipwatch.model.Json;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.relisting.RelistingTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code listing-outcomes}. Only casework-api writes it, so an unreadable record is a bug upstream: logged with
 * its position and skipped rather than allowed to stop relisting detection for every other takedown.
 */
public final class OutcomeRecordDeserializer implements KafkaRecordDeserializationSchema<ListingOutcome> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecordDeserializer.class);

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ListingOutcome> out) {
    if (record.value() == null) {
      return;
    }
    try {
      ListingOutcome o = Json.read(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8),
          ListingOutcome.class);
      if (o.listingId() == null || o.listingId().isBlank()) {
        throw new BadRecordException("listingId missing");
      }
      out.collect(o);
    } catch (BadRecordException e) {
      LOG.error("listing-outcomes record at {}-{}@{} skipped: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  @Override
  public TypeInformation<ListingOutcome> getProducedType() {
    return RelistingTypes.OUTCOME;
  }
}
