package ipwatch.casework.workflow;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import ipwatch.casework.Refusal;
import ipwatch.casework.evidence.EvidenceService;
import ipwatch.model.EvidenceStore;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The seller's evidence that comes with a counter-notice (PRC E-Commerce Law Art. 43: "prima facie evidence";
 * DMCA 512(g)) or an internal complaint (DSA Art. 20). The content is stored content-addressed before the
 * transaction (large, and idempotent), the request keeps only references (name, sha256, bytes, content type), and the
 * transition's transaction appends one DOCUMENT link per item to the case's evidence hash chain, so the declaration
 * and its evidence are on record together or not at all.
 */
final class SellerEvidence {
  static final String FIELD = "evidence";

  private SellerEvidence() {}

  static boolean carries(Action a) {
    return a == Action.COUNTER_NOTICE || a == Action.COMPLAINT;
  }

  /** Whether the request carries uploaded content. */
  static boolean uploads(TransitionRequest req) {
    JsonArray items = req.details().getJsonArray(FIELD);
    return items != null && !items.isEmpty();
  }

  /** Stores uploaded content and answers the request with references in place of the bytes. */
  static Future<TransitionRequest> store(EvidenceStore store, TransitionRequest req) {
    JsonArray items = req.details().getJsonArray(FIELD);
    if (items == null || items.isEmpty()) {
      return Future.succeededFuture(req);
    }
    if (!carries(req.action())) {
      return Future.failedFuture(new Refusal(400, "details.evidence is only accepted with counter_notice and"
          + " complaint."));
    }
    Context ctx = Vertx.currentContext();
    java.util.concurrent.Callable<TransitionRequest> work = () -> {
      JsonArray refs = new JsonArray();
      for (Object o : items) {
        JsonObject item = (JsonObject) o;
        byte[] bytes;
        try {
          bytes = Base64.getMimeDecoder().decode(item.getString("contentBase64"));
        } catch (IllegalArgumentException e) {
          throw new Refusal(400, "details.evidence: contentBase64 of " + item.getString("name")
              + " is not valid base64.");
        }
        if (bytes.length == 0) {
          throw new Refusal(400, "details.evidence: " + item.getString("name") + " is empty.");
        }
        var snap = store.put(bytes, item.getString("contentType"));
        refs.add(new JsonObject().put("name", item.getString("name")).put("sha256", snap.sha256())
            .put("bytes", bytes.length).put("contentType", item.getString("contentType")));
      }
      JsonObject details = req.details().copy().put(FIELD, refs);
      return new TransitionRequest(req.action(), req.reason(), req.expectedVersion(), details);
    };
    if (ctx == null) {
      try {
        return Future.succeededFuture(work.call());
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    }
    return ctx.owner().executeBlocking(work, false);
  }

  /** On the transition's transaction: one chain link per stored reference, named after the seller's answer. */
  static Future<Void> append(SqlConnection conn, Action a, UUID caseId, String actor, JsonObject details,
      Instant now) {
    JsonArray refs = details.getJsonArray(FIELD);
    if (!carries(a) || refs == null) {
      return Future.succeededFuture();
    }
    Future<Void> chain = Future.succeededFuture();
    for (Object o : refs) {
      JsonObject r = (JsonObject) o;
      EvidenceService.Stored stored = new EvidenceService.Stored(a.jsonName() + ": " + r.getString("name"),
          r.getString("sha256"), r.getLong("bytes"), r.getString("contentType"));
      chain = chain.compose(v -> EvidenceService.append(conn, caseId, "DOCUMENT", stored, actor, now).mapEmpty());
    }
    return chain;
  }
}
