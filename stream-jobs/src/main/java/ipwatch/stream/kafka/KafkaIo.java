package ipwatch.stream.kafka;

import ipwatch.link.seller.SellerLink;
import ipwatch.model.Flag;
import ipwatch.model.Topics;
import ipwatch.stream.match.DeadLetter;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.common.JobRuntime;
import ipwatch.stream.match.RegistryUpdate;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The match job's production Kafka sources and sinks. Sources read committed data only; sinks are exactly-once
 * (a Kafka transaction per checkpoint), so a read_committed consumer sees each flag once, one checkpoint interval
 * after it was found. {@code bounded} sources stop at the offsets current at start-up (tests, replays).
 */
public final class KafkaIo {
  private KafkaIo() {}

  public static KafkaSource<String> listingsSource(JobRuntime r, boolean bounded) {
    // a new job starts from the beginning; a restored one from its checkpoint
    return source(r, bounded, Topics.LISTINGS.name(), "-listings",
        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST), new RawRecordDeserializer());
  }

  /**
   * Listings for search indexing, in consumer group {@code <group>-search}: a reader of its own, so a slow
   * Elasticsearch holds back only search, not matching, and the two groups' lags show each part's progress.
   */
  public static KafkaSource<String> searchListingsSource(JobRuntime r, boolean bounded) {
    return source(r, bounded, r.consumerGroup() + "-search", Topics.LISTINGS.name(), "-search-listings",
        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST), new RawRecordDeserializer());
  }

  /** Committed flags of {@code infringements} as raw JSON, for search indexing: consumer group {@code <group>-search-flags}. */
  public static KafkaSource<String> searchFlagsSource(JobRuntime r, boolean bounded) {
    return source(r, bounded, r.consumerGroup() + "-search-flags", Topics.INFRINGEMENTS.name(), "-search-flags",
        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST), new RawRecordDeserializer());
  }

  public static KafkaSource<RegistryUpdate> registrySource(JobRuntime r, boolean bounded) {
    // the whole compacted topic is the registry, so a new job always reads it from the start
    return source(r, bounded, Topics.IP_REGISTRY.name(), "-registry", OffsetsInitializer.earliest(),
        new RegistryRecordDeserializer());
  }

  public static KafkaSource<ListingOutcome> outcomesSource(JobRuntime r, boolean bounded) {
    return source(r, bounded, Topics.LISTING_OUTCOMES.name(), "-outcomes",
        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST), new OutcomeRecordDeserializer());
  }

  private static <T> KafkaSource<T> source(JobRuntime r, boolean bounded, String topic, String client,
      OffsetsInitializer start, KafkaRecordDeserializationSchema<T> deserializer) {
    return source(r, bounded, r.consumerGroup(), topic, client, start, deserializer);
  }

  private static <T> KafkaSource<T> source(JobRuntime r, boolean bounded, String group, String topic, String client,
      OffsetsInitializer start, KafkaRecordDeserializationSchema<T> deserializer) {
    KafkaSourceBuilder<T> b = KafkaSource.<T>builder()
        .setTopics(topic)
        .setClientIdPrefix(r.consumerGroup() + client)
        .setStartingOffsets(start)
        .setDeserializer(deserializer)
        .setBootstrapServers(r.bootstrapServers())
        .setGroupId(group)
        .setProperty("isolation.level", "read_committed");
    if (bounded) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  /** Flags to {@code infringements}, from the match job and the relisting job alike. */
  public static KafkaSink<Flag> flagSink(JobRuntime r) {
    return exactlyOnce(r, "-flags", new FlagRecordSerializer(Topics.INFRINGEMENTS.name()));
  }

  public static KafkaSink<DeadLetter> deadLetterSink(JobRuntime r) {
    return exactlyOnce(
        r, "-dlq", new DeadLetterRecordSerializer(Topics.LISTINGS_DEAD_LETTER.name(), Topics.LISTINGS.name()));
  }

  public static KafkaSink<SellerLink> sellerLinkSink(JobRuntime r) {
    return exactlyOnce(r, "-links", new SellerLinkRecordSerializer(Topics.SELLER_LINKS.name()));
  }

  private static <T> KafkaSink<T> exactlyOnce(
      JobRuntime r, String suffix, KafkaRecordSerializationSchema<T> serializer) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(r.bootstrapServers())
        .setRecordSerializer(serializer)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(r.transactionalIdPrefix() + suffix)
        // Kafka's default producer timeout (1h) exceeds the broker's transaction.max.timeout.ms (15m): the sink
        // could never start. JobRuntime checks this value against the checkpoint and restart budget.
        .setProperty("transaction.timeout.ms", Long.toString(r.transactionTimeout().toMillis()))
        .build();
  }
}
