package ipwatch.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipwatch.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo rights holder's alert desk: it registers a webhook endpoint and subscribes it to alerts on its own marks
 * (new cases and relistings), verifies each delivery's signature and logs the alert. With the demo platform receiver,
 * `ipwatch up` shows the whole loop: flag → case → alert → notice → removal.
 */
public final class DemoAlertReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoAlertReceiver.class);

  private final SignedWebhookReceiver receiver;
  private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();

  private DemoAlertReceiver() throws IOException {
    receiver = new SignedWebhookReceiver("demo rights holder", event -> {
      alerts.add(event);
      JsonNode data = event.path("data");
      log.info("alert for the rights holder: {} {} (case {}, score {})", event.path("type").asText(),
          data.path("assetId").asText(), data.path("caseId").asText(), data.path("score").asText());
    });
  }

  /** Registers the endpoint and the subscription with the rights holder's token. */
  public static DemoAlertReceiver start(URI casework, String rightsHolderToken) {
    try {
      DemoAlertReceiver r = new DemoAlertReceiver();
      DemoApi api = new DemoApi(casework, rightsHolderToken);
      ObjectNode endpoint = Json.mapper().createObjectNode().put("url", r.receiver.url())
          .put("description", "demo rights holder alerts");
      JsonNode registered = api.call("POST", "/api/webhooks/endpoints", endpoint, 201);
      r.receiver.secret(registered.path("secret").asText());
      ObjectNode subscription = Json.mapper().createObjectNode().put("channel", "webhook")
          .put("endpointId", registered.path("id").asText());
      subscription.putArray("events").add("CASE_OPENED").add("RELISTING");
      api.call("POST", "/api/subscriptions", subscription, 201);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo alert receiver", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing the demo rights holder", e);
    }
  }

  /** Alerts received and verified, each webhook-id once. */
  public List<JsonNode> alerts() {
    return List.copyOf(alerts);
  }

  public int rejected() {
    return receiver.rejected();
  }

  @Override
  public void close() {
    receiver.close();
  }
}
