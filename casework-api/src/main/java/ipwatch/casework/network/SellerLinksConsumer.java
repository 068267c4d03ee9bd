package ipwatch.casework.network;

import ipwatch.casework.ingest.AtLeastOnceConsumer;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code seller-links} and hands each record to {@link SellerLinkIngestor}.
 *
 * <p>At-least-once with idempotent effects, like the flag consumer ({@link AtLeastOnceConsumer}): an offset is
 * committed only after its record is in PostgreSQL (stored, removed or dead-lettered); a replayed record overwrites its
 * account row with the same content. A bad record never stops the loop: it is dead-lettered with its cause.
 */
public final class SellerLinksConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SellerLinksConsumer.class);

  private final SellerLinkIngestor ingestor;
  private final AtLeastOnceConsumer loop;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  public SellerLinksConsumer(String bootstrapServers, String groupId, String topic, SellerLinkIngestor ingestor) {
    this.ingestor = ingestor;
    this.loop = new AtLeastOnceConsumer(consumerConfig(bootstrapServers, groupId), topic, "seller-links",
        this::handle);
  }

  /** read_committed (the seller job writes in Kafka transactions), manual commits, from the start of the topic. */
  public static Properties consumerConfig(String bootstrapServers, String groupId) {
    return AtLeastOnceConsumer.config(bootstrapServers, groupId, "casework-api-seller-links", 500);
  }

  public SellerLinksConsumer start() {
    loop.start();
    return this;
  }

  public AtLeastOnceConsumer.State state() {
    return loop.state();
  }

  /** Accounts stored or removed so far by this instance. */
  public long stored() {
    return stored.get();
  }

  public long deadLettered() {
    return deadLettered.get();
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

  @Override
  public void close() {
    loop.close();
  }
}
