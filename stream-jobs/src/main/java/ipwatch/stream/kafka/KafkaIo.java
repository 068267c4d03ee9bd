package ipwatch.stream.kafka;

import ipwatch.model.Flag;
import ipwatch.model.Topics;
import ipwatch.stream.match.DeadLetter;
import ipwatch.stream.match.MatchJobSettings;
import ipwatch.stream.match.RegistryUpdate;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The match job's production Kafka sources and sinks. Sources read committed data only; sinks are exactly-once
 * (a Kafka transaction per checkpoint), so a read_committed consumer sees each flag once, one checkpoint interval
 * after it was found. {@code bounded} sources stop at the offsets current at start-up (tests, replays).
 */
public final class KafkaIo {
  private KafkaIo() {}

  public static KafkaSource<String> listingsSource(MatchJobSettings s, boolean bounded) {
    KafkaSourceBuilder<String> b =
        KafkaSource.<String>builder()
            .setTopics(Topics.LISTINGS.name())
            .setClientIdPrefix(s.consumerGroup() + "-listings")
            // a new job starts from the beginning; a restored one from its checkpoint
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new ListingRecordDeserializer());
    return common(b, s, bounded).build();
  }

  public static KafkaSource<RegistryUpdate> registrySource(MatchJobSettings s, boolean bounded) {
    KafkaSourceBuilder<RegistryUpdate> b =
        KafkaSource.<RegistryUpdate>builder()
            .setTopics(Topics.IP_REGISTRY.name())
            .setClientIdPrefix(s.consumerGroup() + "-registry")
            // the whole compacted topic is the registry, so a new job always reads it from the start
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(new RegistryRecordDeserializer());
    return common(b, s, bounded).build();
  }

  private static <T> KafkaSourceBuilder<T> common(KafkaSourceBuilder<T> b, MatchJobSettings s, boolean bounded) {
    b.setBootstrapServers(s.bootstrapServers())
        .setGroupId(s.consumerGroup())
        .setProperty("isolation.level", "read_committed");
    if (bounded) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b;
  }

  public static KafkaSink<Flag> flagSink(MatchJobSettings s) {
    return exactlyOnce(s, "-flags", new FlagRecordSerializer(Topics.INFRINGEMENTS.name()));
  }

  public static KafkaSink<DeadLetter> deadLetterSink(MatchJobSettings s) {
    return exactlyOnce(
        s, "-dlq", new DeadLetterRecordSerializer(Topics.LISTINGS_DEAD_LETTER.name(), Topics.LISTINGS.name()));
  }

  private static <T> KafkaSink<T> exactlyOnce(
      MatchJobSettings s, String suffix, KafkaRecordSerializationSchema<T> serializer) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(s.bootstrapServers())
        .setRecordSerializer(serializer)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(s.transactionalIdPrefix() + suffix)
        // Kafka's default producer timeout (1h) exceeds the broker's transaction.max.timeout.ms (15m): the sink
        // could never start. MatchJobSettings checks this value against the checkpoint and restart budget.
        .setProperty("transaction.timeout.ms", Long.toString(s.transactionTimeout().toMillis()))
        .build();
  }
}
