package ipwatch.casework.ingest;

import ipwatch.casework.search.CaseIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code infringements} a poll at a time: hands the poll's records to {@link FlagIngestor#ingestBatch} (one
 * PostgreSQL transaction), then indexes the batch's cases with one {@link CaseIndex#indexAll} request.
 *
 * <p>At-least-once with idempotent effects ({@link AtLeastOnceConsumer#perPoll}): the poll's offsets are committed
 * only after all its cases are in PostgreSQL and in the index; when either fails the whole poll is read again, and the
 * replay re-finds the same cases (no new row, no new event, no new alert) and re-indexes the same versions (no-ops).
 * Bad records never stop the loop: the ingestor dead-letters them. The index mapping must exist before the first
 * write, or Elasticsearch would guess one, so consuming waits for it.
 */
public final class InfringementsConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InfringementsConsumer.class);

  public static final int DEFAULT_MAX_POLL_RECORDS = 500;
  /** Far above a healthy batch (~1 s for 500 flags), far below max.poll.interval.ms (5 min). */
  private static final long BATCH_TIMEOUT_SECONDS = 120;

  public enum State { STARTING, WAITING_FOR_INDEX, CONSUMING, RETRYING, STOPPED }

  private final FlagIngestor ingestor;
  private final CaseIndex index;
  private final AtLeastOnceConsumer loop;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  /** Batches of at most {@link #DEFAULT_MAX_POLL_RECORDS} records. */
  public InfringementsConsumer(
      String bootstrapServers, String groupId, String topic, FlagIngestor ingestor, CaseIndex index) {
    this(bootstrapServers, groupId, topic, DEFAULT_MAX_POLL_RECORDS, ingestor, index);
  }

  /** @param maxPollRecords the largest batch (one transaction, one bulk request); key kafka.maxPollRecords */
  public InfringementsConsumer(String bootstrapServers, String groupId, String topic, int maxPollRecords,
      FlagIngestor ingestor, CaseIndex index) {
    this.ingestor = ingestor;
    this.index = index;
    this.loop = AtLeastOnceConsumer.perPoll(consumerConfig(bootstrapServers, groupId, maxPollRecords), topic,
        "ingest", index::ensureIndex, this::handle);
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

  public State state() {
    return switch (loop.state()) {
      case STARTING -> State.STARTING;
      case WAITING -> State.WAITING_FOR_INDEX;
      case CONSUMING -> State.CONSUMING;
      case RETRYING -> State.RETRYING;
      case STOPPED -> State.STOPPED;
    };
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
    // after the commit: a crash in between leaves the cases unindexed until the poll is replayed (offsets not yet
    // committed), and the replay finds them (AlreadyOpen) and indexes them then
    index.indexAll(IngestOutcome.casesToIndex(outcomes));
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
