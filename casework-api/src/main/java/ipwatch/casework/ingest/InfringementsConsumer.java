package ipwatch.casework.ingest;

import ipwatch.casework.search.CaseIndex;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code infringements} and hands each record to {@link FlagIngestor}, then indexes the case.
 *
 * <p>At-least-once with idempotent effects ({@link AtLeastOnceConsumer}): an offset is committed only after its case
 * is in PostgreSQL and in the index; a replay re-finds the same case (no new row, no new event) and re-indexes the
 * same version (a no-op). Bad records never stop the loop: the ingestor dead-letters them. The index mapping must
 * exist before the first write, or Elasticsearch would guess one, so consuming waits for it.
 */
public final class InfringementsConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InfringementsConsumer.class);

  public enum State { STARTING, WAITING_FOR_INDEX, CONSUMING, RETRYING, STOPPED }

  private final FlagIngestor ingestor;
  private final CaseIndex index;
  private final AtLeastOnceConsumer loop;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  public InfringementsConsumer(
      String bootstrapServers, String groupId, String topic, FlagIngestor ingestor, CaseIndex index) {
    this.ingestor = ingestor;
    this.index = index;
    this.loop = new AtLeastOnceConsumer(consumerConfig(bootstrapServers, groupId), topic, "ingest",
        index::ensureIndex, this::handle);
  }

  /** Consumer settings, public so a test can assert them: read_committed, manual commits. */
  public static Properties consumerConfig(String bootstrapServers, String groupId) {
    return AtLeastOnceConsumer.config(bootstrapServers, groupId, "casework-api-ingest", 200);
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

  private void handle(ConsumerRecord<String, byte[]> r) throws Exception {
    String source = r.topic() + "/" + r.partition() + "/" + r.offset();
    IngestOutcome outcome = ingestor.ingest(source, r.value())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (outcome instanceof IngestOutcome.DeadLettered d) {
      deadLettered.incrementAndGet();
      LOG.warn("dead-lettered {}: {}", source, d.cause());
    } else if (outcome instanceof IngestOutcome.Opened) {
      opened.incrementAndGet();
    }
    outcome.caseToIndex().ifPresent(index::index);
  }

  @Override
  public void close() {
    loop.close();
  }
}
