package ipwatch.casework.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * The loop casework-api's Kafka consumers share ({@code infringements}, {@code seller-links}): one thread polls, hands
 * the records to a handler that finishes their effect (in PostgreSQL, idempotently), and commits offsets only after
 * the records were handled. When a handler fails, the partitions are rewound to the first unfinished record and
 * retried after a capped backoff. Handlers turn bad records into dead letters, so only an outage stops progress.
 *
 * <p>Two modes, one loop: {@linkplain #AtLeastOnceConsumer(Properties, String, String, RecordHandler) per
 * record} (each record is its own unit of work: progress is kept record by record) and {@linkplain #perPoll per poll}
 * (all records of a poll are one unit: the handler can write them in one transaction and one bulk request, and the
 * poll's offsets are committed only when the whole batch succeeded, so a failure rewinds to the poll's first record).
 */
public final class AtLeastOnceConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AtLeastOnceConsumer.class);
  private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public enum State { STARTING, CONSUMING, RETRYING, STOPPED }

  /** Finishes one record's effect; throws when it could not (the record is retried). */
  @FunctionalInterface
  public interface RecordHandler {
    void handle(ConsumerRecord<String, byte[]> record) throws Exception;
  }

  /**
   * Finishes the effect of all records of one poll (several partitions, each in offset order); throws when it could
   * not (the whole batch is retried, so the handler's effects must be idempotent per record).
   */
  @FunctionalInterface
  public interface BatchHandler {
    void handle(List<ConsumerRecord<String, byte[]>> records) throws Exception;
  }

  private final Properties config;
  private final String topic;
  private final String label;
  private final BatchHandler handler;
  private final boolean wholePoll;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile State state = State.STARTING;
  private volatile boolean assigned;
  private volatile KafkaConsumer<String, byte[]> consumer;

  /**
   * @param label names the loop in its thread and log lines (e.g. "seller-links")
   */
  public AtLeastOnceConsumer(Properties config, String topic, String label, RecordHandler handler) {
    this(config, topic, label, records -> handler.handle(records.get(0)), false);
  }

  /** A loop whose handler gets all records of a poll at once; see {@link BatchHandler}. */
  public static AtLeastOnceConsumer perPoll(Properties config, String topic, String label, BatchHandler handler) {
    return new AtLeastOnceConsumer(config, topic, label, handler, true);
  }

  private AtLeastOnceConsumer(Properties config, String topic, String label, BatchHandler handler,
      boolean wholePoll) {
    this.config = config;
    this.topic = topic;
    this.label = label;
    this.handler = handler;
    this.wholePoll = wholePoll;
    this.thread = new Thread(this::run, "casework-" + label);
    this.thread.setDaemon(true);
  }

  /** read_committed (the producers write in Kafka transactions), manual commits, from the start of the topic. */
  public static Properties config(String bootstrapServers, String groupId, String clientId, int maxPollRecords) {
    Properties p = new Properties();
    p.putAll(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.CLIENT_ID_CONFIG, clientId,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    return p;
  }

  public AtLeastOnceConsumer start() {
    thread.start();
    return this;
  }

  public State state() {
    return state;
  }

  /** The last poll had partitions assigned to this consumer: the group coordinator answered, so Kafka is reachable. */
  public boolean assigned() {
    return assigned;
  }

  private void run() {
    try {
      consumer = new KafkaConsumer<>(config);
      consumer.subscribe(List.of(topic));
      state = State.CONSUMING;
      Duration backoff = MIN_BACKOFF;
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
          LOG.error("{} poll failed", label, e);
          ok = false;
        }
        if (ok) {
          backoff = MIN_BACKOFF;
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

  /** Processes a poll; answers false after rewinding when a unit of work could not be finished. */
  private boolean process(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    Exception failure = null;
    try {
      for (List<ConsumerRecord<String, byte[]>> unit : units(records)) {
        handler.handle(unit);
        for (ConsumerRecord<String, byte[]> r : unit) {
          done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
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
      LOG.warn("{} offset commit failed: {}", label, e.toString());
    }
    if (failure == null) {
      return true;
    }
    LOG.warn("{} failed, retrying from the first unfinished record: {}", label, failure.toString());
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

  /** The units of work of a poll: the whole poll, or each record alone (partitions one after the other). */
  private List<List<ConsumerRecord<String, byte[]>>> units(ConsumerRecords<String, byte[]> records) {
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
    for (TopicPartition tp : records.partitions()) {
      all.addAll(records.records(tp));
    }
    if (all.isEmpty()) {
      return List.of();
    }
    return wholePoll ? List.of(all) : all.stream().map(List::of).toList();
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
