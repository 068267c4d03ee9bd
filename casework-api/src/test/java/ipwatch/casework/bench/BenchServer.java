package ipwatch.casework.bench;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestFlags;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.casework.testing.TestServers;
import ipwatch.model.Trademark;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The service side of the load benchmark, in its own process: an embedded PostgreSQL, casework-api with demo parties
 * on a fixed port (Kafka and Elasticsearch absent: the benchmark measures the API and PostgreSQL, with
 * synchronous_commit on), and {@code N}
 * DETECTED US cases of the demo rights holder. Run {@link ApiLoad} from a second process against it.
 * Args: [port] [cases].
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
    // the embedded server turns synchronous_commit off for tests; measure with durable commits as in production
    Vertx setup = Vertx.vertx();
    Pool admin = db.pool(setup);
    Await.result(admin.query("ALTER DATABASE " + db.name() + " SET synchronous_commit = on").execute());
    Await.result(admin.close());
    setup.close();
    CaseworkServer server = CaseworkServer.start(TestServers.config(db, Map.of("http.port", String.valueOf(port),
        "postgres.poolSize", "16", "workflow.timerScanInterval", "5s")));
    Vertx vertx = Vertx.vertx();
    Pool pool = db.pool(vertx);
    Await.result(new RegistryStore(pool).upsert(List.of(new Trademark("tm-us", "org-nordvik", "NORDVIK",
        List.of(25), List.of("US"), List.of(), List.of()))));
    FlagIngestor ingestor = new FlagIngestor(pool, new JurisdictionResolver(
        new CaseworkSettings.CaseDefaults("US", Map.of())));
    for (int i = 0; i < n; i++) {
      String listing = "bench-" + i;
      Await.result(ingestor.ingest("bench/0/" + i, TestFlags.bytes(TestFlags.flag(listing, "tm-us", "org-nordvik",
          "demo-market", "NORDVIK parka " + i))));
    }
    Await.result(pool.close());
    vertx.close();
    System.out.println("bench server ready on port " + server.port() + " with " + n + " cases");
    new CountDownLatch(1).await();
  }
}
