package ipwatch.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipwatch.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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

  private final SignedWebhookReceiver receiver;
  private final ExecutorService answers = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "demo-platform");
    t.setDaemon(true);
    return t;
  });
  private final DemoApi api;
  private final AtomicInteger removed = new AtomicInteger();

  private DemoPlatformReceiver(URI casework, String token) throws IOException {
    this.api = new DemoApi(casework, token);
    this.receiver = new SignedWebhookReceiver("demo platform", event -> answers.execute(() -> answer(event)));
  }

  /** Starts the receiver and registers it as the demo platform's webhook endpoint. */
  public static DemoPlatformReceiver start(URI casework, String platformToken) {
    try {
      DemoPlatformReceiver r = new DemoPlatformReceiver(casework, platformToken);
      ObjectNode body = Json.mapper().createObjectNode().put("url", r.receiver.url())
          .put("description", "demo marketplace");
      r.receiver.secret(r.api.call("POST", "/api/webhooks/endpoints", body, 201).path("secret").asText());
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo platform receiver", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering the demo webhook endpoint", e);
    }
  }

  /** Reads the notice and removes the listing, with what the case's jurisdiction requires of a removal. */
  private void answer(JsonNode event) {
    String caseId = event.path("data").path("caseId").asText();
    try {
      api.call("GET", URI.create(event.path("data").path("url").asText()).getPath(), null, 200);
      JsonNode c = api.call("GET", "/api/cases/" + caseId, null, 200);
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
      api.call("POST", "/api/cases/" + caseId + "/transitions", transition, 200);
      removed.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      log.warn("demo platform could not answer the notice for case {}: {}", caseId, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Listings removed after a verified notice. */
  public int removed() {
    return removed.get();
  }

  /** Deliveries refused because their signature did not verify. */
  public int rejected() {
    return receiver.rejected();
  }

  @Override
  public void close() {
    receiver.close();
    answers.shutdownNow();
  }
}
