package ipwatch.casework.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link OutboxRelay} with a {@link OutboxRelay.BatchDelivery}, on a real PostgreSQL. */
class OutboxRelayIT {
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
  void aBatchThatFailsIsDeliveredRowByRowSoOnlyTheRowThatFailsCountsTheAttempt() {
    for (String key : List.of("a", "b", "poison", "d")) {
      Await.result(pool.query("INSERT INTO outbox (channel, msg_key) VALUES ('search', '" + key + "')").execute());
    }
    List<List<String>> calls = new CopyOnWriteArrayList<>();
    OutboxRelay relay = new OutboxRelay(vertx, pool, "search", messages -> {
      List<String> keys = messages.stream().map(OutboxRelay.Message::key).toList();
      calls.add(keys);
      if (keys.contains("poison")) {
        throw new IllegalStateException("refused: poison");
      }
    }, 50);

    assertEquals(2, Await.result(relay.relayOnce()));

    assertEquals(List.of(List.of("a", "b", "poison", "d"), List.of("a"), List.of("b"), List.of("poison")), calls);
    assertEquals(List.of("a delivered 1", "b delivered 1", "d pending 0", "poison pending 1 refused: poison"), rows());
  }

  @Test
  void aBatchThatSucceedsIsOneDeliveryOfEveryDueRow() {
    Await.result(pool.query("INSERT INTO outbox (channel, msg_key) VALUES ('kafka', 'k1'), ('kafka', 'k2')").execute());
    List<List<String>> calls = new CopyOnWriteArrayList<>();
    OutboxRelay relay = new OutboxRelay(vertx, pool, "kafka",
        messages -> calls.add(messages.stream().map(OutboxRelay.Message::key).toList()), 50);

    assertEquals(2, Await.result(relay.relayOnce()));

    assertEquals(List.of(List.of("k1", "k2")), calls);
    assertEquals(0, Await.result(relay.relayOnce()), "delivered rows are not delivered again");
  }

  /** The 'search' rows as "key state attempts [last error]", by key. */
  private static List<String> rows() {
    List<String> out = new ArrayList<>();
    for (Row r : Await.result(pool.query("SELECT msg_key, published_at IS NOT NULL AS delivered, attempts, last_error"
        + " FROM outbox WHERE channel = 'search' ORDER BY msg_key").execute())) {
      String error = r.getString("last_error");
      out.add(r.getString("msg_key") + (r.getBoolean("delivered") ? " delivered " : " pending ")
          + r.getInteger("attempts") + (error == null ? "" : " " + error));
    }
    return out;
  }
}
