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
 *
 * <p>{@code kafka.ingestLoops} loops share the work as members of the same group: each polls its own partitions and
 * runs its own transactions, so one loop's flags never wait behind another's transaction. Two loops reading the same
 * flag at once (a flag re-published to another partition) still open one case: the case insert's conflict rule makes
 * the second wait for the first and find its row.
 */
public final class InfringementsConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InfringementsConsumer.class);

  public static final int DEFAULT_MAX_POLL_RECORDS = 500;
  /** Far above a healthy batch (~1 s for 500 flags), far below max.poll.interval.ms (5 min). */
  private static final long BATCH_TIMEOUT_SECONDS = 120;

  private final FlagIngestor ingestor;
  private final List<AtLeastOnceConsumer> loops;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  /** One loop, batches of at most {@link #DEFAULT_MAX_POLL_RECORDS} records. */
  public InfringementsConsumer(String bootstrapServers, String groupId, String topic, FlagIngestor ingestor) {
    this(bootstrapServers, groupId, topic, DEFAULT_MAX_POLL_RECORDS, 1, ingestor);
  }

  /**
   * @param maxPollRecords the largest batch (one transaction); key kafka.maxPollRecords
   * @param loops consumers of the group in this instance, each on its own thread with its own partitions and its own
   *     transactions (key kafka.ingestLoops); partitions beyond the group's members are idle
   */
  public InfringementsConsumer(String bootstrapServers, String groupId, String topic, int maxPollRecords, int loops,
      FlagIngestor ingestor) {
    if (loops < 1) {
      throw new IllegalArgumentException("loops must be at least 1: " + loops);
    }
    this.ingestor = ingestor;
    List<AtLeastOnceConsumer> all = new ArrayList<>();
    for (int i = 0; i < loops; i++) {
      String label = loops == 1 ? "ingest" : "ingest-" + i;
      all.add(AtLeastOnceConsumer.perPoll(consumerConfig(bootstrapServers, groupId, maxPollRecords, label), topic,
          label, this::handle));
    }
    this.loops = List.copyOf(all);
  }

  /** Consumer settings, public so a test can assert them: read_committed, manual commits. */
  public static Properties consumerConfig(String bootstrapServers, String groupId) {
    return consumerConfig(bootstrapServers, groupId, DEFAULT_MAX_POLL_RECORDS, "ingest");
  }

  private static Properties consumerConfig(String bootstrapServers, String groupId, int maxPollRecords, String label) {
    return AtLeastOnceConsumer.config(bootstrapServers, groupId, "casework-api-" + label, maxPollRecords);
  }

  public InfringementsConsumer start() {
    loops.forEach(AtLeastOnceConsumer::start);
    return this;
  }

  /** The least healthy loop's state (STOPPED, then RETRYING, then STARTING, then CONSUMING). */
  public AtLeastOnceConsumer.State state() {
    List<AtLeastOnceConsumer.State> states = loops.stream().map(AtLeastOnceConsumer::state).toList();
    for (AtLeastOnceConsumer.State worst : List.of(AtLeastOnceConsumer.State.STOPPED,
        AtLeastOnceConsumer.State.RETRYING, AtLeastOnceConsumer.State.STARTING)) {
      if (states.contains(worst)) {
        return worst;
      }
    }
    return AtLeastOnceConsumer.State.CONSUMING;
  }

  /**
   * Every loop consuming and at least one with partitions assigned: the group coordinator answered, so Kafka is
   * reachable (a loop without partitions is normal when the group has more members than the topic has partitions).
   */
  public boolean healthy() {
    return state() == AtLeastOnceConsumer.State.CONSUMING && loops.stream().anyMatch(AtLeastOnceConsumer::assigned);
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
    loops.forEach(AtLeastOnceConsumer::close);
  }
}
