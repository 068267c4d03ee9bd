package ipwatch.casework.bench;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.webhooks.WebhookVerificationException;
import ipwatch.casework.webhooks.WebhookVerifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 for the benchmarks: answers 204, verifies every signature with the secret it is
 * given (as a real receiver must), de-duplicates by webhook-id, and notes when each message arrived.
 */
final class LoopbackReceiver implements AutoCloseable {
  final Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();
  final Map<String, JsonObject> bodies = new ConcurrentHashMap<>();
  final Set<String> ids = ConcurrentHashMap.newKeySet();
  final AtomicInteger badSignatures = new AtomicInteger();
  final AtomicInteger duplicates = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private volatile WebhookVerifier verifier;

  LoopbackReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    server.setExecutor(threads);
    server.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      long at = System.nanoTime();
      String id = ex.getRequestHeaders().getFirst("webhook-id");
      try {
        verifier.verify(n -> ex.getRequestHeaders().getFirst(n), body);
        if (ids.add(id)) {
          arrivedNanos.put(id, at);
          bodies.put(id, new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        } else {
          duplicates.incrementAndGet();
        }
      } catch (WebhookVerificationException | RuntimeException e) {
        badSignatures.incrementAndGet();
      }
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    server.start();
  }

  void secret(String secret) {
    verifier = new WebhookVerifier(List.of(secret), Duration.ofMinutes(5), Clock.systemUTC());
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
