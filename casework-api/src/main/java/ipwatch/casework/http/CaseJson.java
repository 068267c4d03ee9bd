package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseDetail;
import ipwatch.casework.cases.CaseEvent;
import ipwatch.casework.cases.CaseState;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Page;
import java.time.Instant;
import java.util.List;

/**
 * Response bodies, written field by field (no generic serialisation of internal records), so adding a column never
 * exposes it by accident. Issue 5 makes these role-specific where roles must see less.
 */
final class CaseJson {
  private CaseJson() {}

  static JsonObject summary(CaseSummary c) {
    return new JsonObject()
        .put("id", c.id().toString())
        .put("status", c.status().name())
        .put("kind", c.kind())
        .put("score", c.score())
        .put("title", c.title())
        .put("url", c.url())
        .put("marketplace", c.marketplace())
        .put("sellerId", c.sellerId())
        .put("sellerName", c.sellerName())
        .put("listingId", c.listingId())
        .put("assetId", c.assetId())
        .put("ownerOrg", c.ownerOrg())
        .put("jurisdiction", c.jurisdiction())
        .put("detectedAt", text(c.detectedAt()))
        .put("createdAt", text(c.createdAt()))
        .put("updatedAt", text(c.updatedAt()))
        .put("version", c.version())
        .put("platform", c.marketplace())
        .put("priority", c.priority())
        .put("legalHold", c.legalHold())
        .put("nextDeadline", text(c.nextDeadline()))
        .put("networkId", c.networkId())
        .put("repeatInfringer", c.repeatInfringer())
        .put("relatedCaseId", c.relatedCaseId() == null ? null : c.relatedCaseId().toString());
  }

  static JsonObject detail(CaseDetail d, List<String> allowedActions) {
    JsonObject flag = d.flag() == null ? new JsonObject() : d.flag();
    JsonObject listing = flag.getJsonObject("listing", new JsonObject());
    JsonArray events = new JsonArray();
    for (CaseEvent e : d.events()) {
      events.add(new JsonObject().put("at", text(e.at())).put("actor", e.actor()).put("type", e.type())
          .put("reason", e.reason()));
    }
    return summary(d.summary())
        .put("flagId", flag.getString("flagId"))
        .put("matcherVersion", flag.getString("matcherVersion"))
        .put("signals", flag.getJsonArray("signals", new JsonArray()))
        .put("evidence", flag.getValue("evidence"))
        .put("price", listing.getValue("price"))
        .put("snapshot", listing.getValue("snapshot"))
        .put("events", events)
        .put("legalHold", d.state().legalHold())
        .put("regulatorOrg", d.state().regulatorOrg())
        .put("referredToOrg", d.summary().referredToOrg())
        .put("assignedTo", d.state().assignedTo())
        .put("ownInitiative", d.state().ownInitiative())
        .put("priority", d.state().priority())
        .put("outcome", d.state().outcome())
        .put("deadlines", deadlines(d.state().deadlines()))
        .put("allowedActions", new JsonArray(allowedActions));
  }

  private static JsonArray deadlines(List<CaseState.Deadline> deadlines) {
    JsonArray out = new JsonArray();
    for (CaseState.Deadline x : deadlines) {
      out.add(new JsonObject().put("kind", x.kind()).put("action", x.action()).put("dueAt", text(x.dueAt()))
          .put("latestAt", text(x.latestAt())).put("basis", x.basis()));
    }
    return out;
  }

  static JsonObject page(Page<CaseSummary> p) {
    JsonArray items = new JsonArray();
    p.items().forEach(c -> items.add(summary(c)));
    return new JsonObject().put("items", items).put("total", p.total()).put("page", p.page()).put("size", p.size());
  }

  static JsonObject me(Caller c) {
    var o = c.organisation();
    return new JsonObject()
        .put("userId", c.userId())
        .put("organisation", new JsonObject()
            .put("id", o.id())
            .put("name", o.name())
            .put("role", o.role().name())
            .put("marketplace", o.marketplace())
            .put("jurisdictions", new JsonArray(o.jurisdictions())));
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
