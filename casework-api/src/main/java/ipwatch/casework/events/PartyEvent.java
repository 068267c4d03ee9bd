package ipwatch.casework.events;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * One row of {@code party_events}: {@code case.updated} (for whoever may see the case), {@code alert} or
 * {@code webhook.failing} (for the one organisation {@code orgId}).
 */
public record PartyEvent(long id, String event, UUID caseId, String orgId, JsonObject data) {
  public static final String CASE_UPDATED = "case.updated";

  /** The text/event-stream frame. */
  public String frame() {
    return "id: " + id + "\nevent: " + event + "\ndata: " + data.encode() + "\n\n";
  }
}
