package ipwatch.casework.testing;

import ipwatch.model.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Configuration of a casework-api under test: a test database, demo parties, Kafka and Elasticsearch on closed ports
 * (the API must work without them), a generous rate limit unless a test sets its own.
 */
public final class TestServers {
  private TestServers() {}

  public static Config config(TestPostgres.TestDatabase db, Map<String, String> extra) {
    Map<String, String> o = new HashMap<>(db.overrides());
    o.putAll(Map.of(
        "http.port", "0",
        "http.webroot", "test-webroot",
        "kafka.bootstrapServers", "127.0.0.1:" + closedPort(),
        "elasticsearch.url", "http://127.0.0.1:" + closedPort(),
        "auth.jwt.secret", TestTokens.SECRET,
        "demo.enabled", "true",
        "http.rateLimit.perSecond", "100000",
        "http.rateLimit.burst", "100000",
        "workflow.timerScanInterval", "100ms",
        "evidence.dir", "target/it-data/evidence"));
    // tests that deliver webhooks run their own dispatcher (or turn this one on)
    o.put("webhooks.dispatch", "false");
    o.putAll(extra);
    return Config.load(Path.of("../config/casework-api.yaml"), Map.of()).with(o);
  }

  public static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
