package ipwatch.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ipwatch.casework.webhooks.WebhookVerificationException;
import ipwatch.casework.webhooks.WebhookVerifier;
import ipwatch.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo marketplace's side of takedowns, as a platform would build it: it registers a webhook endpoint with
 * casework-api, verifies every delivery's Standard Webhooks signature, processes each webhook-id once, fetches the
 * full notice with its own token and answers with a removal. With it `ipwatch up` shows the whole loop: flag → case →
 * notice → removal.
 */
public final class DemoPlatformReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoPlatformReceiver.class);

  private final HttpServer server;
  private final ExecutorService answers = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "demo-platform");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI casework;
  private final String token;
  private final Set<String> seenWebhookIds = ConcurrentHashMap.newKeySet();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger removed = new AtomicInteger();
  private volatile WebhookVerifier verifier;

  private DemoPlatformReceiver(URI casework, String token) throws IOException {
    this.casework = casework;
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/webhooks", this::receive);
    server.start();
  }

  /** Starts the receiver and registers it as the demo platform's webhook endpoint. */
  public static DemoPlatformReceiver start(URI casework, String platformToken) {
    try {
      DemoPlatformReceiver r = new DemoPlatformReceiver(casework, platformToken);
      r.register();
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo platform receiver", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering the demo webhook endpoint", e);
    }
  }

  private void register() throws IOException, InterruptedException {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    ObjectNode body = Json.mapper().createObjectNode().put("url", url).put("description", "demo marketplace");
    JsonNode endpoint = call("POST", "/api/webhooks/endpoints", body, 201);
    verifier = WebhookVerifier.of(endpoint.path("secret").asText());
  }

  private void receive(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] payload = ex.getRequestBody().readAllBytes();
      Map<String, String> headers = new HashMap<>();
      for (String h : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
        String v = ex.getRequestHeaders().getFirst(h);
        if (v != null) {
          headers.put(h, v);
        }
      }
      try {
        verifier.verify(headers, payload);
      } catch (WebhookVerificationException e) {
        rejected.incrementAndGet();
        log.warn("demo platform refused a webhook: {}", e.getMessage());
        ex.sendResponseHeaders(400, -1);
        return;
      }
      ex.sendResponseHeaders(204, -1); // acknowledge first; the answer goes through the API
      if (seenWebhookIds.add(headers.get("webhook-id"))) {
        JsonNode event = Json.mapper().readTree(payload);
        answers.execute(() -> answer(event));
      }
    }
  }

  /** Reads the notice and removes the listing, with what the case's jurisdiction requires of a removal. */
  private void answer(JsonNode event) {
    String caseId = event.path("data").path("caseId").asText();
    try {
      call("GET", URI.create(event.path("data").path("url").asText()).getPath(), null, 200);
      JsonNode c = call("GET", "/api/cases/" + caseId, null, 200);
      ObjectNode details = Json.mapper().createObjectNode();
      switch (c.path("jurisdiction").asText()) {
        case "CN" -> details.put("measure", "delete");
        case "EU" -> details.put("statementOfReasons",
            "Removed: the listing uses a registered trademark without the holder's consent (notice " + caseId + ").");
        default -> { }
      }
      ObjectNode transition = Json.mapper().createObjectNode().put("action", "remove")
          .put("reason", "demo platform: listing removed after a verified notice");
      transition.set("details", details);
      call("POST", "/api/cases/" + caseId + "/transitions", transition, 200);
      removed.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      log.warn("demo platform could not answer the notice for case {}: {}", caseId, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private JsonNode call(String method, String path, JsonNode body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(casework.resolve(path)).timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + token);
    if (body == null) {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      req.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }
    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != expected) {
      throw new IOException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
    }
    return res.body().isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(res.body());
  }

  /** Listings removed after a verified notice. */
  public int removed() {
    return removed.get();
  }

  /** Deliveries refused because their signature did not verify. */
  public int rejected() {
    return rejected.get();
  }

  @Override
  public void close() {
    server.stop(0);
    answers.shutdownNow();
  }
}
