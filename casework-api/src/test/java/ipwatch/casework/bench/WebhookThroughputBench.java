package ipwatch.casework.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.Role;
import ipwatch.casework.db.Migrations;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.casework.webhooks.TargetGuard;
import ipwatch.casework.webhooks.WebhookDispatcher;
import ipwatch.casework.webhooks.WebhookEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deliveries per second from the webhook dispatcher to a receiver on 127.0.0.1: N {@code takedown_notice.created}
 * outbox rows are written up front (embedded PostgreSQL, synchronous_commit on), then the real dispatcher fans them
 * out and delivers them (lease, sign with a fresh timestamp, POST, record the attempt and mark, each delivery its own
 * transactions) until every one is DELIVERED; the receiver verifies every signature. One dispatcher, or
 * {@code --dispatchers k} on the same database (as k instances would). Prints deliveries/s over the whole drain.
 *
 * <p>Args: {@code [--messages 5000] [--batch 100] [--dispatchers 1]}. Run on the test class path (see
 * casework-api/bench/run.sh for how it is built).
 */
public final class WebhookThroughputBench {
  private WebhookThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int messages = Integer.parseInt(arg(args, "--messages", "5000"));
    int batch = Integer.parseInt(arg(args, "--batch", "100"));
    int dispatchers = Integer.parseInt(arg(args, "--dispatchers", "1"));
    TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
    Vertx vertx = Vertx.vertx();
    Pool setup = db.pool(vertx);
    Await.result(setup.query("ALTER DATABASE " + db.name() + " SET synchronous_commit = on").execute());
    Await.result(setup.close());
    Pool pool = db.pool(vertx);
    Await.result(Migrations.migrate(pool));
    Organisation platform = new Organisation("org-bench-platform", "Bench Market", Role.PLATFORM, "bench-market",
        List.of());
    Await.result(new Organisations(pool).upsert(platform));
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject endpoint = Await.result(new WebhookEndpoints(vertx, pool, new TargetGuard(true), Clock.systemUTC(),
          Duration.ofHours(24)).register(new Caller("bench", platform), receiver.url(), "bench"));
      receiver.secret(endpoint.getString("secret"));
      List<Tuple> rows = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        rows.add(Tuple.of(new JsonObject().put("type", "takedown_notice.created").put("data", new JsonObject()
            .put("caseId", UUID.randomUUID().toString()).put("marketplace", "bench-market"))));
      }
      Await.result(pool.preparedQuery("INSERT INTO outbox (channel, event_type, msg_key, payload) VALUES"
          + " ('webhook', 'takedown_notice.created', 'bench-market', $1)").executeBatch(rows));
      CaseworkSettings.Webhooks settings = new CaseworkSettings.Webhooks(false, true, Duration.ofMillis(10),
          Duration.ofSeconds(15), List.of(Duration.ofSeconds(5)), 0.2, Duration.ofSeconds(60), batch,
          "http://127.0.0.1", Duration.ofHours(24));
      List<WebhookDispatcher> running = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
      long cpuStarted = os.getProcessCpuTime();
      long started = System.nanoTime();
      for (int d = 0; d < dispatchers; d++) {
        WebhookDispatcher w = new WebhookDispatcher(vertx, pool, settings, new TargetGuard(true), Clock.systemUTC());
        running.add(w);
        Thread t = new Thread(() -> {
          while (receiver.ids.size() < messages) {
            if (w.dispatchOnce() == 0) {
              Thread.onSpinWait();
            }
          }
        }, "bench-dispatcher-" + d);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join(Duration.ofMinutes(10).toMillis());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
      double load = os.getSystemLoadAverage();
      long delivered = Await.result(pool.query("SELECT count(*) FROM webhook_deliveries WHERE status = 'DELIVERED'")
          .execute()).iterator().next().getLong(0);
      System.out.printf("webhook dispatcher → loopback receiver: %d messages, batch %d, %d dispatcher(s), JDK %s,"
              + " %d cores%n", messages, batch, dispatchers, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      System.out.printf("  received %d (signatures verified, %d bad, %d duplicates), marked DELIVERED %d%n",
          receiver.ids.size(), receiver.badSignatures.get(), receiver.duplicates.get(), delivered);
      System.out.printf("  %.2f s, %.0f deliveries/s (goal >= 1,000/s); this JVM (dispatcher + receiver) used %.1f s"
          + " of CPU = %.2f ms per delivery; load average at the end %.1f%n", seconds, messages / seconds, cpuSeconds,
          cpuSeconds * 1000 / messages, load);
      running.forEach(WebhookDispatcher::close);
    }
    Await.result(pool.close());
    Await.result(vertx.close());
    System.exit(0);
  }

  static String arg(String[] args, String name, String def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return def;
  }
}
