package ipwatch.casework.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A platform's receiver on 127.0.0.1: answers what the test scripts (per request number), verifies every signature
 * with the secrets it was given, and de-duplicates by webhook-id the way a receiver should ("processed" once each).
 */
final class TestReceiver implements AutoCloseable {
  record Answer(int status, Map<String, String> headers) {
    static Answer of(int status) {
      return new Answer(status, Map.of());
    }
  }

  record Received(String id, long timestamp, String signature, String body, String path, Instant at,
      boolean verified) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  final Set<String> processed = ConcurrentHashMap.newKeySet();
  final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final Clock clock;
  private volatile List<String> secrets = List.of();
  private volatile IntFunction<Answer> script = n -> Answer.of(200);
  private HttpServer server;
  private int port;

  TestReceiver(Clock clock) {
    this.clock = clock;
    start(0);
  }

  void start(int wanted) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      Answer a = script.apply(requests.incrementAndGet());
      String id = ex.getRequestHeaders().getFirst("webhook-id");
      String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
      boolean ok;
      try {
        new WebhookVerifier(secrets.isEmpty() ? List.of(WebhookSignature.newSecret()) : secrets,
            Duration.ofMinutes(5), clock).verify(n -> ex.getRequestHeaders().getFirst(n), body);
        ok = true;
      } catch (WebhookVerificationException e) {
        ok = false;
      }
      received.add(new Received(id, ts == null ? -1 : Long.parseLong(ts),
          ex.getRequestHeaders().getFirst("webhook-signature"), new String(body), ex.getRequestURI().getPath(),
          clock.instant(), ok));
      if (a.status() / 100 == 2 && ok && id != null && !processed.add(id)) {
        duplicates.incrementAndGet();
      }
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(a.status(), -1);
      ex.close();
    });
    server.start();
    port = server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  void secrets(List<String> s) {
    this.secrets = s;
  }

  void script(IntFunction<Answer> s) {
    this.script = s;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
