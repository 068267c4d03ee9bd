package ipwatch.casework.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code infringements} a poll at a time and hands the poll's records to {@link FlagIngestor#ingestBatch} (one
 * PostgreSQL transaction, which also queues the new and re-scored cases for the search index through the outbox).
 *
 * <p>At-least-once with idempotent effects ({@link AtLeastOnceConsumer#perPoll}): the poll's offsets are committed
 * only after its transaction committed; when it fails the whole poll is read again, and the replay re-finds the same
 * cases (no new row, no new event, no new alert, no new outbox row). Bad records never stop the loop: the ingestor
 * dead-letters them. Elasticsearch is not on this path: until 2026-11-22 each poll also waited for its cases' bulk
 * index request, so a slow or unreachable index held back every new case (docs/reliability.md).
 */
public final class InfringementsConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InfringementsConsumer.class);

  public static final int DEFAULT_MAX_POLL_RECORDS = 500;
  /** Far above a healthy batch (~1 s for 500 flags), far below max.poll.interval.ms (5 min). */
  private static final long BATCH_TIMEOUT_SECONDS = 120;

  private final FlagIngestor ingestor;
  private final AtLeastOnceConsumer loop;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  /** Batches of at most {@link #DEFAULT_MAX_POLL_RECORDS} records. */
  public InfringementsConsumer(String bootstrapServers, String groupId, String topic, FlagIngestor ingestor) {
    this(bootstrapServers, groupId, topic, DEFAULT_MAX_POLL_RECORDS, ingestor);
  }

  /** @param maxPollRecords the largest batch (one transaction); key kafka.maxPollRecords */
  public InfringementsConsumer(String bootstrapServers, String groupId, String topic, int maxPollRecords,
      FlagIngestor ingestor) {
    this.ingestor = ingestor;
    this.loop = AtLeastOnceConsumer.perPoll(consumerConfig(bootstrapServers, groupId, maxPollRecords), topic,
        "ingest", this::handle);
  }

  /** Consumer settings, public so a test can assert them: read_committed, manual commits. */
  public static Properties consumerConfig(String bootstrapServers, String groupId) {
    return consumerConfig(bootstrapServers, groupId, DEFAULT_MAX_POLL_RECORDS);
  }

  static Properties consumerConfig(String bootstrapServers, String groupId, int maxPollRecords) {
    return AtLeastOnceConsumer.config(bootstrapServers, groupId, "casework-api-ingest", maxPollRecords);
  }

  public InfringementsConsumer start() {
    loop.start();
    return this;
  }

  public AtLeastOnceConsumer.State state() {
    return loop.state();
  }

  /** Consuming with partitions assigned: the group coordinator answered, so Kafka is reachable. */
  public boolean healthy() {
    return loop.healthy();
  }

  public long opened() {
    return opened.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  private void handle(List<ConsumerRecord<String, byte[]>> records) throws Exception {
    List<SourcedRecord> batch = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> r : records) {
      batch.add(new SourcedRecord(r.topic() + "/" + r.partition() + "/" + r.offset(), r.value()));
    }
    List<IngestOutcome> outcomes = ingestor.ingestBatch(batch)
        .toCompletionStage().toCompletableFuture().get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) instanceof IngestOutcome.DeadLettered d) {
        deadLettered.incrementAndGet();
        LOG.warn("dead-lettered {}: {}", batch.get(i).source(), d.cause());
      } else if (outcomes.get(i) instanceof IngestOutcome.Opened) {
        opened.incrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
