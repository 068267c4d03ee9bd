package ipwatch.stream.elastic;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import ipwatch.model.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a batch of documents as bulk requests until each one is indexed or dead-lettered ({@link BulkOutcome}):
 * 429/503 items and transport errors are retried with exponential back-off and full jitter, up to {@code maxRetries}
 * times; then the batch fails (and with it the Flink job, which replays from its last checkpoint). Refused documents
 * go to the dead-letter index with status and cause. Retrying inside the writer blocks the task: that is the
 * back-pressure Elasticsearch asks for with a 429, at the price of a longer checkpoint.
 */
public final class BulkIndexer {
  private static final Logger LOG = LoggerFactory.getLogger(BulkIndexer.class);

  /** One bulk request: index every document (by id, overwriting), answer the items in order. */
  @FunctionalInterface
  public interface Bulk {
    List<BulkResponseItem> send(List<SearchDocument> documents) throws IOException;
  }

  /** Waits between attempts; a test passes one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Bulk bulk;
  private final ElasticsearchSettings settings;
  private final Sleeper sleeper;
  private long deadLettered;

  public BulkIndexer(Bulk bulk, ElasticsearchSettings settings, Sleeper sleeper) {
    this.bulk = bulk;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  public long deadLettered() {
    return deadLettered;
  }

  public void index(List<SearchDocument> documents) throws IOException {
    List<SearchDocument> pending = documents;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        if (attempt > settings.maxRetries()) {
          throw new IOException(pending.size() + " documents not indexed after " + settings.maxRetries()
              + " retries (Elasticsearch kept answering 429/503 or was unreachable)");
        }
        backOff(attempt);
      }
      BulkOutcome outcome;
      try {
        outcome = BulkOutcome.classify(pending, bulk.send(pending));
      } catch (IOException e) {
        LOG.warn("bulk request of {} documents failed, will retry: {}", pending.size(), e.toString());
        continue;
      }
      if (!outcome.failures().isEmpty()) {
        throw new IOException("Elasticsearch failed " + outcome.failures().size() + " documents, e.g. "
            + outcome.failures().get(0));
      }
      deadLetter(outcome.deadLetters());
      pending = outcome.retry();
    }
  }

  private void backOff(int attempt) throws IOException {
    long cap = settings.retryBackoff().toMillis() << Math.min(attempt - 1, 16);
    try {
      sleeper.sleep(Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while backing off", e);
    }
  }

  /** Refused documents are kept, with why, in the dead-letter index; their source as a string so no mapping breaks. */
  private void deadLetter(List<BulkOutcome.DeadLetter> dead) throws IOException {
    if (dead.isEmpty()) {
      return;
    }
    List<SearchDocument> letters = new ArrayList<>();
    for (BulkOutcome.DeadLetter d : dead) {
      LOG.warn("Elasticsearch refused {}/{}: {}", d.document().index(), d.document().id(), d.cause());
      Map<String, Object> letter = new LinkedHashMap<>();
      letter.put("index", d.document().index());
      letter.put("documentId", d.document().id());
      letter.put("status", d.status());
      letter.put("cause", d.cause());
      letter.put("source", d.document().json());
      letter.put("at", Instant.now().toString());
      letters.add(new SearchDocument(settings.deadLetterIndex(), d.document().index() + ":" + d.document().id(),
          Json.write(letter)));
    }
    deadLettered += dead.size();
    BulkOutcome outcome = BulkOutcome.classify(letters, bulk.send(letters));
    if (!outcome.retry().isEmpty() || !outcome.deadLetters().isEmpty() || !outcome.failures().isEmpty()) {
      LOG.error("could not write {} dead letters to {}", letters.size(), settings.deadLetterIndex());
    }
  }
}
