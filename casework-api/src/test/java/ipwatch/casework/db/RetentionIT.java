package ipwatch.casework.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Retention#deliveredOutbox} on a real PostgreSQL. */
class RetentionIT {
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pool = TestPostgres.migratedPool(vertx);
  }

  @AfterAll
  static void stop() {
    Await.result(pool.close());
    Await.result(vertx.close());
  }

  @Test
  void onlyDeliveredSearchAndKafkaRowsOlderThanTheRetentionAreDeleted() {
    insert("search", "old-search", "now() - interval '8 days'", null);
    insert("kafka", "old-kafka", "now() - interval '8 days'", null);
    insert("search", "recent-search", "now() - interval '1 hour'", null);
    insert("search", "pending-search", "NULL", null);
    insert("search", "dead-search", "NULL", "now() - interval '30 days'");
    insert("webhook", "old-webhook", "now() - interval '8 days'", null);

    int deleted = Await.result(Retention.deliveredOutbox(vertx, pool, Duration.ofDays(7)).pruneOnce());

    assertEquals(2, deleted);
    assertEquals(List.of("dead-search", "old-webhook", "pending-search", "recent-search"), keys());
    assertEquals(0, Await.result(Retention.deliveredOutbox(vertx, pool, Duration.ofDays(7)).pruneOnce()), "idempotent");
  }

  private static void insert(String channel, String key, String publishedAt, String deadAt) {
    Await.result(pool.query("INSERT INTO outbox (channel, msg_key, published_at, dead_at) VALUES ('" + channel + "', '"
        + key + "', " + publishedAt + ", " + (deadAt == null ? "NULL" : deadAt) + ")").execute());
  }

  private static List<String> keys() {
    List<String> out = new ArrayList<>();
    Await.result(pool.query("SELECT msg_key FROM outbox ORDER BY msg_key").execute())
        .forEach(r -> out.add(r.getString(0)));
    return out;
  }
}
