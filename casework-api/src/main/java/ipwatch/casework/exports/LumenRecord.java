package ipwatch.casework.exports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A takedown notice as a Lumen-style record: notice → works → infringing URLs → parties (organisations only), and
 * the action taken. Built only from fields that carry no personal data: no seller name, id or identifiers, no
 * notifier or declarant name, e-mail, phone or address, and no free-text explanation (it may quote any of those).
 */
public final class LumenRecord {
  private LumenRecord() {}

  /** A sent notice and what became of it; {@code outcome} is REMOVED, REJECTED or null while pending. */
  public record Notice(String caseId, String assetId, String assetType, String workName, String kind,
      String jurisdiction, String marketplace, Instant sentAt, List<String> urls, String senderOrganisation,
      String recipientOrganisation, String outcome, String status) {}

  public static JsonObject of(Notice n) {
    boolean patent = "PATENT".equals(n.assetType());
    String description = (patent ? "Patent " : "Trade mark ") + (n.workName() == null ? n.assetId()
        : n.workName() + " (" + n.assetId() + ")");
    JsonArray roles = new JsonArray()
        .add(role("sender", n.senderOrganisation()))
        .add(role("principal", n.senderOrganisation()))
        .add(role("recipient", n.recipientOrganisation() == null ? n.marketplace() : n.recipientOrganisation()));
    return new JsonObject()
        .put("id", n.caseId())
        .put("type", patent ? "Other" : "Counterfeit")
        .put("title", (patent ? "Patent" : "Trade mark") + " notice to " + n.marketplace())
        .put("date_sent", n.sentAt().toString())
        .put("date_received", n.sentAt().toString())
        .put("jurisdiction_list", new JsonArray().add(n.jurisdiction()))
        .put("tag_list", new JsonArray().add(n.kind()))
        .put("action_taken", action(n.outcome()))
        .put("works", new JsonArray().add(new JsonObject().put("description", description)
            .put("infringing_urls", new JsonArray(n.urls())).put("copyrighted_urls", new JsonArray())))
        .put("entity_notice_roles", roles)
        .put("status", n.status());
  }

  /** Lumen's Yes / No / Partial; a notice not yet answered has taken no action. */
  static String action(String outcome) {
    return "REMOVED".equals(outcome) ? "Yes" : "No";
  }

  private static JsonObject role(String role, String organisation) {
    return new JsonObject().put("name", role).put("entity", new JsonObject().put("name", organisation)
        .put("kind", "organization"));
  }
}
