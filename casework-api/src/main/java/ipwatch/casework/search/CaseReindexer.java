package ipwatch.casework.search;

import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.outbox.OutboxRelay;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the 'search' outbox channel: the cases its rows name (opened or re-scored by ingestion, changed by the
 * workflow) are read from PostgreSQL as they stand now, in one query, and written to the index in one bulk request.
 * Writes are versioned by the case's row version, so a replayed or late batch changes nothing. The index and its
 * mapping are created before the first write (else Elasticsearch would guess a mapping from the first document);
 * while the index cannot be reached the delivery fails and the relay backs off and retries the same rows.
 */
public final class CaseReindexer implements OutboxRelay.BatchDelivery {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private final Cases cases;
  private final CaseIndex index;
  private volatile boolean indexReady;

  public CaseReindexer(Cases cases, CaseIndex index) {
    this.cases = cases;
    this.index = index;
  }

  @Override
  public void deliver(List<OutboxRelay.Message> messages) throws Exception {
    Set<UUID> ids = new LinkedHashSet<>();
    for (OutboxRelay.Message m : messages) {
      ids.add(UUID.fromString(m.key()));
    }
    List<CaseSummary> current = cases.forIndexing(List.copyOf(ids)).toCompletionStage().toCompletableFuture()
        .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    ensureIndex();
    index.indexAll(current);
  }

  /**
   * Creates the index with its mapping unless this reindexer already has. casework-api also calls it at start-up
   * until Elasticsearch answers, so a search before the first case finds an empty index rather than none.
   */
  public void ensureIndex() {
    if (!indexReady) {
      index.ensureIndex();
      indexReady = true;
    }
  }
}
