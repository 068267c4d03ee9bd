package ipwatch.casework.network;

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
 * Reads {@code seller-links} on its own thread and hands each record to {@link SellerLinkIngestor}.
 *
 * <p>At-least-once with idempotent effects, like the flag consumer: an offset is committed only after its record is in
 * PostgreSQL (stored, removed or dead-lettered). When the database fails, the partitions are rewound to the first
 * unfinished record and retried after a capped backoff; a replayed record overwrites its account row with the same
 * content. A bad record never stops the loop: it is dead-lettered with its cause and the next one is read.
 */
public final class SellerLinksConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SellerLinksConsumer.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public enum State { STARTING, CONSUMING, RETRYING, STOPPED }

  private final Properties config;
  private final String topic;
  private final SellerLinkIngestor ingestor;
  private final Thread thread;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile State state = State.STARTING;
  private volatile KafkaConsumer<String, byte[]> consumer;

  public SellerLinksConsumer(String bootstrapServers, String groupId, String topic, SellerLinkIngestor ingestor) {
    this.config = consumerConfig(bootstrapServers, groupId);
    this.topic = topic;
    this.ingestor = ingestor;
    this.thread = new Thread(this::run, "casework-seller-links");
    this.thread.setDaemon(true);
  }

  /** read_committed (the seller job writes in Kafka transactions), manual commits, from the start of the topic. */
  public static Properties consumerConfig(String bootstrapServers, String groupId) {
    Properties p = new Properties();
    p.putAll(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.CLIENT_ID_CONFIG, "casework-api-seller-links",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    return p;
  }

  public SellerLinksConsumer start() {
    thread.start();
    return this;
  }

  public State state() {
    return state;
  }

  /** Accounts stored or removed so far by this instance. */
  public long stored() {
    return stored.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  private void run() {
    try {
      consumer = new KafkaConsumer<>(config);
      consumer.subscribe(List.of(topic));
      state = State.CONSUMING;
      Duration backoff = Duration.ofMillis(500);
      while (running) {
        boolean ok;
        try {
          ok = process(consumer.poll(Duration.ofMillis(500)));
        } catch (WakeupException e) {
          break;
        } catch (RuntimeException e) {
          LOG.error("seller-links poll failed", e);
          ok = false;
        }
        if (ok) {
          backoff = Duration.ofMillis(500);
          state = State.CONSUMING;
        } else {
          state = State.RETRYING;
          pause(backoff);
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
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
      // not fatal: the records come again and their effects are idempotent
      LOG.warn("seller-links offset commit failed: {}", e.toString());
    }
    if (failure == null) {
      return true;
    }
    LOG.warn("seller-links ingestion failed, retrying from the first unfinished record: {}", failure.toString());
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
    SellerLinkIngestor.Outcome outcome = ingestor.ingest(source, r.key(), r.value())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (outcome instanceof SellerLinkIngestor.Outcome.DeadLettered d) {
      deadLettered.incrementAndGet();
      LOG.warn("dead-lettered {}: {}", source, d.cause());
    } else {
      stored.incrementAndGet();
    }
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
