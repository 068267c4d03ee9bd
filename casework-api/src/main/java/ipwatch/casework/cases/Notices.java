package ipwatch.casework.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The full takedown notice a {@code takedown_notice.created} webhook points to: what DSA Art. 16(2) asks for
 * (explanation, exact URLs, notifier name and e-mail, good-faith statement) with the other fields the jurisdiction's
 * profile required when it was sent, the notifier organisation, the listing, and links to every evidence item (claim
 * charts listed apart). Loaded under the caller's party scope, so a case the caller does not see is a 404; a read by
 * the platform is an audit event ({@code NOTICE_READ}), the record that the notice reached it.
 */
public final class Notices {
  private static final List<String> NOTICE_EVENTS = List.of("SEND_NOTICE", "TAKE_UP");
  private final Pool pool;
  private final Cases cases;
  private final Clock clock;

  public Notices(Pool pool, Cases cases, Clock clock) {
    this.pool = pool;
    this.cases = cases;
    this.clock = clock;
  }

  public Future<Optional<JsonObject>> forParty(Caller caller, UUID caseId) {
    return cases.findForParty(caller, caseId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.<JsonObject>empty());
      }
      CaseDetail d = found.get();
      CaseEvent sent = null;
      for (CaseEvent e : d.events()) {
        if (NOTICE_EVENTS.contains(e.type())) {
          sent = e;
        }
      }
      if (sent == null) {
        return Future.succeededFuture(Optional.<JsonObject>empty());
      }
      CaseEvent notice = sent;
      // the case was loaded under the caller's scope above; its notice event and evidence are read by id
      return pool.withTransaction(conn -> conn.preparedQuery("SELECT e.after, o.name FROM case_events e"
              + " LEFT JOIN organisations o ON o.id = $2 WHERE e.id = $1")
          .execute(Tuple.of(notice.id(), d.summary().ownerOrg()))
          .compose(ev0 -> conn.preparedQuery("SELECT seq, kind, name, sha256, content_type, added_at"
                  + " FROM evidence_items WHERE case_id = $1 ORDER BY seq").execute(Tuple.of(caseId))
              .map(ev -> {
                Row r = ev0.iterator().next();
                Object after = r.getValue("after");
                return json(d, notice, after instanceof JsonObject j ? j : new JsonObject(), r.getString("name"), ev);
              }))
          .compose(json -> caller.role() != ipwatch.casework.auth.Role.PLATFORM ? Future.succeededFuture(json)
              : conn.preparedQuery("INSERT INTO case_events (case_id, actor, at, type, reason) VALUES"
                      + " ($1, $2, $3, 'NOTICE_READ', 'takedown notice fetched by the platform')")
                  .execute(Tuple.of(caseId, caller.orgId() + "/" + caller.userId(),
                      OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                  .map(json)))
          .map(Optional::of);
    });
  }

  private static JsonObject json(CaseDetail d, CaseEvent sent, JsonObject after, String notifierOrgName,
      Iterable<Row> evidence) {
    CaseSummary s = d.summary();
    JsonObject details = after.getJsonObject("details", new JsonObject());
    String base = "/api/cases/" + s.id();
    JsonArray urls = details.getJsonArray("urls");
    if (urls == null || urls.isEmpty()) {
      urls = new JsonArray();
      if (s.url() != null) {
        urls.add(s.url());
      }
    }
    JsonArray items = new JsonArray();
    JsonArray claimCharts = new JsonArray();
    for (Row r : evidence) {
      JsonObject item = new JsonObject().put("seq", r.getInteger("seq")).put("kind", r.getString("kind"))
          .put("name", r.getString("name")).put("sha256", r.getString("sha256"))
          .put("contentType", r.getString("content_type"))
          .put("addedAt", r.getOffsetDateTime("added_at").toInstant().toString());
      items.add(item);
      if ("CLAIM_CHART".equals(r.getString("kind"))) {
        claimCharts.add(item);
      }
    }
    return new JsonObject()
        .put("noticeId", s.id().toString())
        .put("caseId", s.id().toString())
        .put("sentAt", sent.at().toString())
        .put("legalBasis", sent.reason())
        .put("jurisdiction", s.jurisdiction())
        .put("marketplace", s.marketplace())
        .put("listing", new JsonObject().put("listingId", s.listingId()).put("title", s.title()).put("url", s.url())
            .put("sellerId", s.sellerId()).put("sellerName", s.sellerName()))
        .put("asset", new JsonObject().put("assetId", s.assetId()).put("kind", s.kind()))
        // DSA Art. 16(2)(a)-(d)
        .put("explanation", details.getString("explanation"))
        .put("urls", urls)
        .put("notifier", new JsonObject().put("organisationId", s.ownerOrg()).put("organisation", notifierOrgName)
            .put("name", details.getString("notifierName")).put("email", details.getString("notifierEmail")))
        .put("goodFaithStatement", Boolean.TRUE.equals(details.getBoolean("goodFaith"))
            ? "The notifier states a bona fide belief that the information and allegations in this notice are "
                + "accurate and complete." : null)
        .put("details", details)
        .put("evidence", new JsonObject().put("items", items).put("link", base + "/evidence")
            .put("bundle", base + "/evidence/export"))
        .put("claimCharts", claimCharts)
        .put("status", s.status().name())
        .put("answerWith", base + "/transitions");
  }
}
