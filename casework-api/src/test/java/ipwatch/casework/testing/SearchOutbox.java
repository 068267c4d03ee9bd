package ipwatch.casework.testing;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.outbox.OutboxRelay;
import ipwatch.casework.search.CaseIndex;
import ipwatch.casework.search.CaseReindexer;
import java.time.Duration;

/** The 'search' outbox in tests and benchmarks: the rows still waiting, and its relay run until none is. */
public final class SearchOutbox {
  private static final long DRAIN_LIMIT_MS = 90_000;

  private SearchOutbox() {}

  /** Rows queued for the search index and not delivered (nor dead) yet. */
  public static long pending(Pool pool) {
    return Await.result(pool.query("SELECT count(*) FROM outbox WHERE channel = 'search' AND published_at IS NULL"
        + " AND dead_at IS NULL").execute()).iterator().next().getLong(0);
  }

  /**
   * Runs the relay as casework-api runs it (one query and one bulk request per round, 50 attempts) until no row is
   * pending, waiting out the back-off a failed round leaves; fails after 90 s.
   */
  public static void drain(Vertx vertx, Pool pool, CaseIndex index) throws InterruptedException {
    OutboxRelay relay = OutboxRelay.leased(vertx, pool, "search", new CaseReindexer(new Cases(pool), index), 50,
        Duration.ofMinutes(2));
    long deadline = System.currentTimeMillis() + DRAIN_LIMIT_MS;
    while (pending(pool) > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(pending(pool) + " 'search' outbox rows still pending after 90 s");
      }
      if (Await.result(relay.relayOnce()) == 0) {
        Thread.sleep(100); // nothing due yet: a failed round's back-off
      }
    }
  }
}
