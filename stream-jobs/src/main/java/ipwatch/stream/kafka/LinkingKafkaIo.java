package ipwatch.stream.kafka;

import ipwatch.link.seller.SellerLink;
import ipwatch.model.Flag;
import ipwatch.model.ListingOutcome;
import ipwatch.model.Topics;
import ipwatch.stream.common.JobRuntime;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Kafka I/O of the seller-linking and relisting jobs, built like {@link KafkaIo}: read_committed sources starting
 * from the group's committed offsets (earliest for a new job), exactly-once sinks with the job's own
 * transactional-id prefix and a transaction timeout the broker accepts.
 */
public final class LinkingKafkaIo {
  private LinkingKafkaIo() {}

  public static KafkaSource<String> listingsSource(JobRuntime r, boolean bounded) {
    return source(r, bounded, Topics.LISTINGS.name(), "-listings", new ListingRecordDeserializer());
  }

  public static KafkaSource<ListingOutcome> outcomesSource(JobRuntime r, boolean bounded) {
    return source(r, bounded, Topics.LISTING_OUTCOMES.name(), "-outcomes", new OutcomeRecordDeserializer());
  }

  private static <T> KafkaSource<T> source(JobRuntime r, boolean bounded, String topic, String client,
      org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema<T> d) {
    KafkaSourceBuilder<T> b = KafkaSource.<T>builder()
        .setTopics(topic)
        .setClientIdPrefix(r.consumerGroup() + client)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(d)
        .setBootstrapServers(r.bootstrapServers())
        .setGroupId(r.consumerGroup())
        .setProperty("isolation.level", "read_committed");
    if (bounded) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  public static KafkaSink<SellerLink> sellerLinkSink(JobRuntime r) {
    return exactlyOnce(r, "-links", new SellerLinkRecordSerializer(Topics.SELLER_LINKS.name()));
  }

  public static KafkaSink<Flag> relistingFlagSink(JobRuntime r) {
    return exactlyOnce(r, "-flags", new FlagRecordSerializer(Topics.INFRINGEMENTS.name()));
  }

  private static <T> KafkaSink<T> exactlyOnce(JobRuntime r, String suffix, KafkaRecordSerializationSchema<T> s) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(r.bootstrapServers())
        .setRecordSerializer(s)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(r.transactionalIdPrefix() + suffix)
        // the producer default (1h) exceeds the broker's transaction.max.timeout.ms (15m): the sink could not start
        .setProperty("transaction.timeout.ms", Long.toString(r.transactionTimeout().toMillis()))
        .build();
  }
}
