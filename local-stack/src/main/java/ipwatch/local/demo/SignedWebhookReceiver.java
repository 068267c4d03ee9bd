package ipwatch.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ipwatch.casework.webhooks.WebhookVerificationException;
import ipwatch.casework.webhooks.WebhookVerifier;
import ipwatch.model.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook receiver as a party would build one on 127.0.0.1: it verifies every delivery's Standard Webhooks signature
 * (refused with 400 otherwise), acknowledges with 204 and hands each webhook-id's event to its handler once.
 */
final class SignedWebhookReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SignedWebhookReceiver.class);

  private final HttpServer server;
  private final String name;
  private final Consumer<JsonNode> handler;
  private final Set<String> seenWebhookIds = ConcurrentHashMap.newKeySet();
  private final AtomicInteger rejected = new AtomicInteger();
  private volatile WebhookVerifier verifier;

  SignedWebhookReceiver(String name, Consumer<JsonNode> handler) throws IOException {
    this.name = name;
    this.handler = handler;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/webhooks", this::receive);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
  }

  /** The endpoint's secret, as casework-api answered its registration. */
  void secret(String whsec) {
    verifier = WebhookVerifier.of(whsec);
  }

  int rejected() {
    return rejected.get();
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
        if (verifier == null) {
          throw new WebhookVerificationException("not registered yet");
        }
        verifier.verify(headers, payload);
      } catch (WebhookVerificationException e) {
        rejected.incrementAndGet();
        log.warn("{} refused a webhook: {}", name, e.getMessage());
        ex.sendResponseHeaders(400, -1);
        return;
      }
      ex.sendResponseHeaders(204, -1); // acknowledge first; the work happens after
      if (seenWebhookIds.add(headers.get("webhook-id"))) {
        handler.accept(Json.mapper().readTree(payload));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
