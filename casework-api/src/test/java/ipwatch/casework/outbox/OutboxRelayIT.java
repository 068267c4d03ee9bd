package ipwatch.casework.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  /** A leased round delivers with no transaction open, and another relay meanwhile finds the rows claimed. */
  @Test
  void aLeasedRelayHoldsNoTransactionWhileItDeliversAndAnotherFindsTheRowsClaimed() throws Exception {
    Pool own = TestPostgres.migratedPool(vertx);
    insert(own, "x1", "x2", "x3");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    OutboxRelay first = OutboxRelay.leased(vertx, own, "search", messages -> {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
    }, 50, Duration.ofMinutes(2));
    List<String> second = new CopyOnWriteArrayList<>();
    OutboxRelay other = OutboxRelay.leased(vertx, own, "search",
        messages -> messages.forEach(m -> second.add(m.key())), 50, Duration.ofMinutes(2));

    Future<Integer> round = first.relayOnce();
    assertTrue(entered.await(30, TimeUnit.SECONDS), "the first relay is delivering");
    assertEquals(0L, count(own, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND state LIKE 'idle in transaction%'"), "no transaction open during the delivery");
    assertEquals(0, Await.result(other.relayOnce()), "the rows are claimed");
    release.countDown();

    assertEquals(3, Await.result(round));
    assertEquals(0, Await.result(other.relayOnce()), "delivered rows are not delivered again");
    assertEquals(List.of(), second);
    assertEquals(3L, count(own, "SELECT count(*) FROM outbox WHERE published_at IS NOT NULL AND attempts = 1"));
    Await.result(own.close());
  }

  /** Rows claimed by a relay that died are delivered once the claim lapses; a live claim is left alone. */
  @Test
  void aLapsedClaimIsDeliveredAgainALiveOneIsNot() {
    Pool own = TestPostgres.migratedPool(vertx);
    insert(own, "lapsed", "live");
    Await.result(own.query("UPDATE outbox SET claimed_until = CASE msg_key WHEN 'lapsed' THEN now() - interval '1 s'"
        + " ELSE now() + interval '1 h' END").execute());
    List<String> delivered = new CopyOnWriteArrayList<>();
    OutboxRelay relay = OutboxRelay.leased(vertx, own, "search",
        messages -> messages.forEach(m -> delivered.add(m.key())), 50, Duration.ofMinutes(2));

    assertEquals(1, Await.result(relay.relayOnce()));
    assertEquals(List.of("lapsed"), delivered);
    Await.result(own.close());
  }

  /** Unlike an ordered relay, a leased one does not hold back the rows after a failed one. */
  @Test
  void aLeasedRelayDeliversTheRowsAfterAFailedOneInTheNextRound() {
    Pool own = TestPostgres.migratedPool(vertx);
    insert(own, "a", "b", "poison", "d");
    List<String> delivered = new CopyOnWriteArrayList<>();
    OutboxRelay relay = OutboxRelay.leased(vertx, own, "search", messages -> {
      if (messages.stream().anyMatch(m -> m.key().equals("poison"))) {
        throw new IllegalStateException("refused: poison");
      }
      messages.forEach(m -> delivered.add(m.key()));
    }, 50, Duration.ofMinutes(2));

    assertEquals(2, Await.result(relay.relayOnce()), "a and b, then poison fails");
    assertEquals(1, Await.result(relay.relayOnce()), "d at once: its claim was released, poison backs off");
    assertEquals(List.of("a", "b", "d"), delivered);
    assertEquals(1L, count(own, "SELECT count(*) FROM outbox WHERE msg_key = 'poison' AND published_at IS NULL"
        + " AND attempts = 1 AND claimed_until IS NULL AND last_error LIKE '%poison%'"));
    Await.result(own.close());
  }

  private static void insert(Pool on, String... keys) {
    for (String key : keys) {
      Await.result(on.preparedQuery("INSERT INTO outbox (channel, msg_key) VALUES ('search', $1)")
          .execute(Tuple.of(key)));
    }
  }

  private static long count(Pool on, String sql) {
    return Await.result(on.query(sql).execute()).iterator().next().getLong(0);
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
