package ipwatch.casework.ingest;

import ipwatch.casework.search.CaseIndex;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code infringements} on its own thread and hands each record to {@link FlagIngestor}, then indexes the case.
 *
 * <p>At-least-once with idempotent effects: an offset is committed only after its case is in PostgreSQL and in the
 * index. When the database or the index fails, the partitions are rewound to the first unfinished record and retried
 * after a capped backoff; a replay re-finds the same case (no new row, no new event) and re-indexes the same version
 * (a no-op). Bad records never stop the loop: the ingestor dead-letters them.
 */
public final class InfringementsConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InfringementsConsumer.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public enum State { STARTING, WAITING_FOR_INDEX, CONSUMING, RETRYING, STOPPED }

  private final Properties config;
  private final String topic;
  private final FlagIngestor ingestor;
  private final CaseIndex index;
  private final Thread thread;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile State state = State.STARTING;
  private volatile boolean assigned;
  private volatile KafkaConsumer<String, byte[]> consumer;

  public InfringementsConsumer(
      String bootstrapServers, String groupId, String topic, FlagIngestor ingestor, CaseIndex index) {
    this.config = consumerConfig(bootstrapServers, groupId);
    this.topic = topic;
    this.ingestor = ingestor;
    this.index = index;
    this.thread = new Thread(this::run, "casework-ingest");
    this.thread.setDaemon(true);
  }

  /** Consumer settings, public so a test can assert them: read_committed, manual commits. */
  public static Properties consumerConfig(String bootstrapServers, String groupId) {
    Properties p = new Properties();
    p.putAll(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.CLIENT_ID_CONFIG, "casework-api-ingest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    return p;
  }

  public InfringementsConsumer start() {
    thread.start();
    return this;
  }

  public State state() {
    return state;
  }

  /** Consuming with partitions assigned: the group coordinator answered, so Kafka is reachable. */
  public boolean healthy() {
    return state == State.CONSUMING && assigned;
  }

  public long opened() {
    return opened.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  private void run() {
    try {
      if (!awaitIndex()) {
        return;
      }
      consumer = new KafkaConsumer<>(config);
      consumer.subscribe(List.of(topic));
      state = State.CONSUMING;
      Duration backoff = Duration.ofMillis(500);
      while (running) {
        boolean ok;
        try {
          ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
          assigned = !consumer.assignment().isEmpty();
          ok = process(records);
        } catch (WakeupException e) {
          break;
        } catch (RuntimeException e) {
          // e.g. a broker-side authorisation or group error: keep the thread alive and try again
          LOG.error("flag ingestion poll failed", e);
          ok = false;
        }
        if (ok) {
          backoff = Duration.ofMillis(500);
          state = State.CONSUMING;
        } else {
          state = State.RETRYING;
          pause(backoff);
          backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } finally {
      state = State.STOPPED;
      if (consumer != null) {
        consumer.close(Duration.ofSeconds(5));
      }
    }
  }

  /** The index mapping must exist before the first write, or Elasticsearch would guess one. */
  private boolean awaitIndex() {
    state = State.WAITING_FOR_INDEX;
    Duration backoff = Duration.ofMillis(500);
    while (running) {
      try {
        index.ensureIndex();
        return true;
      } catch (CaseIndex.CaseIndexUnavailableException e) {
        LOG.warn("search index not ready, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
        pause(backoff);
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
      }
    }
    return false;
  }

  /** Processes a batch; answers false after rewinding when a record could not be finished. */
  private boolean process(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    Exception failure = null;
    try {
      for (TopicPartition tp : records.partitions()) {
        for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
          handle(r);
          done.put(tp, new OffsetAndMetadata(r.offset() + 1));
        }
      }
    } catch (WakeupException e) {
      throw e;
    } catch (Exception e) {
      failure = e;
    }
    try {
      if (!done.isEmpty()) {
        consumer.commitSync(done);
      }
    } catch (WakeupException e) {
      throw e;
    } catch (RuntimeException e) {
      // not fatal: the records are redelivered later and their effects are idempotent
      LOG.warn("offset commit failed: {}", e.toString());
    }
    if (failure == null) {
      return true;
    }
    LOG.warn("ingestion failed, retrying from the first unfinished record: {}", failure.toString());
    for (TopicPartition tp : records.partitions()) {
      OffsetAndMetadata finished = done.get(tp);
      try {
        consumer.seek(tp, finished != null ? finished.offset() : records.records(tp).get(0).offset());
      } catch (IllegalStateException e) {
        // partition revoked meanwhile: its new owner starts from the committed offset
      }
    }
    return false;
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

  /** Sleeps, but wakes at once when closed (no thread interrupts: they break Kafka client calls). */
  private void pause(Duration d) {
    try {
      stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    stopped.countDown();
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
