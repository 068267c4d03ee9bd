package ipwatch.casework.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.Refusal;
import ipwatch.casework.cases.Dashboard;
import ipwatch.casework.evidence.EvidenceService;
import ipwatch.casework.workflow.Action;
import ipwatch.casework.workflow.Actor;
import ipwatch.casework.workflow.TransitionRefused;
import ipwatch.casework.workflow.TransitionRequest;
import ipwatch.casework.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the portal needs beyond single cases: GET /api/dashboard, POST /api/cases/bulk/transitions and
 * GET /api/cases/{id}/evidence/{itemId}/content. Mounted before the single-case transition route, whose {@code :id}
 * would otherwise take "bulk".
 */
final class PortalRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(PortalRoutes.class);
  static final int MAX_DAYS = 366;
  private final Dashboard dashboard;
  private final Workflow workflow;
  private final EvidenceService evidence;

  PortalRoutes(Pool pool, Workflow workflow, EvidenceService evidence) {
    this.dashboard = new Dashboard(pool, () -> workflow.clock().instant());
    this.workflow = workflow;
    this.evidence = evidence;
  }

  void mount(Router api) {
    api.get("/dashboard").handler(this::dashboard);
    api.post("/cases/bulk/transitions").handler(this::bulk);
    api.get("/cases/:id/evidence/:itemId/content").handler(this::content);
  }

  private void dashboard(RoutingContext ctx) {
    int days = QueryParams.text(ctx, "days", 8).map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        return -1;
      }
    }).orElse(30);
    if (days < 1 || days > MAX_DAYS) {
      throw ApiException.badRequest("days must be a whole number from 1 to " + MAX_DAYS);
    }
    dashboard.forParty(Authenticate.caller(ctx), days)
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /**
   * Each id goes through exactly the path of POST /api/cases/{id}/transitions (scoped load, role, state, profile,
   * required details), one transaction per case, one after the other: one case's refusal never undoes another's
   * transition, and the answer says per id what happened.
   */
  private void bulk(RoutingContext ctx) {
    JsonObject body = BodySchemas.valid(ctx, "BulkTransition");
    JsonObject single = new JsonObject().put("action", body.getString("action"));
    if (body.getString("reason") != null) {
      single.put("reason", body.getString("reason"));
    }
    if (body.getJsonObject("details") != null) {
      single.put("details", body.getJsonObject("details"));
    }
    BodySchemas.validate("Transition", single);
    TransitionRequest req = new TransitionRequest(Action.parse(body.getString("action")).orElseThrow(),
        body.getString("reason"), Optional.empty(), body.getJsonObject("details"));
    Actor actor = Actor.of(Authenticate.caller(ctx));
    List<String> ids = new ArrayList<>();
    body.getJsonArray("caseIds").forEach(id -> ids.add((String) id));
    JsonArray results = new JsonArray();
    Future<Void> chain = Future.succeededFuture();
    for (String id : ids) {
      chain = chain.compose(v -> one(actor, id, req).map(item -> {
        results.add(item);
        return null;
      }));
    }
    chain.onSuccess(v -> Responses.ok(ctx, new JsonObject().put("results", results))).onFailure(ctx::fail);
  }

  private Future<JsonObject> one(Actor actor, String id, TransitionRequest req) {
    UUID caseId;
    try {
      caseId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(failed(id, ErrorType.NOT_FOUND, ErrorType.NOT_FOUND.defaultMessage(), null));
    }
    return workflow.transition(actor, caseId, req)
        .map(r -> new JsonObject().put("caseId", id).put("ok", true).put("status", r.kase().status().name())
            .put("version", r.kase().version()))
        .recover(e -> Future.succeededFuture(refusal(id, e)));
  }

  private static JsonObject refusal(String id, Throwable e) {
    if (e instanceof TransitionRefused t) {
      ErrorType type = switch (t.reason()) {
        case NOT_FOUND -> ErrorType.NOT_FOUND;
        case FORBIDDEN -> ErrorType.FORBIDDEN;
        case CONFLICT -> ErrorType.CONFLICT;
        case INVALID -> ErrorType.BAD_REQUEST;
      };
      return failed(id, type, t.getMessage(), type == ErrorType.CONFLICT ? new JsonArray(t.allowed()) : null);
    }
    if (e instanceof Refusal r) {
      return failed(id, ErrorType.forStatus(r.status()), r.getMessage(), null);
    }
    if (e instanceof ApiException a) {
      return failed(id, a.type(), a.getMessage(), null);
    }
    if (UnstorableValue.is(e)) {
      return failed(id, ErrorType.BAD_REQUEST, UnstorableValue.MESSAGE, null);
    }
    if (ipwatch.casework.db.DatabaseOutage.is(e)) {
      return failed(id, ErrorType.UNAVAILABLE, ErrorType.UNAVAILABLE.defaultMessage(), null);
    }
    LOG.error("bulk transition of case {} failed", id, e);
    return failed(id, ErrorType.INTERNAL, ErrorType.INTERNAL.defaultMessage(), null);
  }

  private static JsonObject failed(String id, ErrorType type, String message, JsonArray allowed) {
    JsonObject error = new JsonObject().put("type", type.type()).put("message", message);
    if (allowed != null) {
      error.put("allowed", allowed);
    }
    return new JsonObject().put("caseId", id).put("ok", false).put("error", error);
  }

  /**
   * The stored bytes with their content type, for a sandboxed iframe: {@code Content-Security-Policy: sandbox}
   * (scripts, forms, plugins and same-origin access off, whatever the page contains), {@code nosniff}, framing by
   * the portal's own origin only, not cached by shared caches.
   */
  private void content(RoutingContext ctx) {
    UUID caseId = Ids.caseId(ctx);
    int seq;
    try {
      seq = Integer.parseInt(ctx.pathParam("itemId"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound();
    }
    evidence.content().read(Authenticate.caller(ctx), caseId, seq)
        .onSuccess(found -> found.ifPresentOrElse(c -> ctx.response()
            .putHeader("Content-Type", c.contentType())
            .putHeader("Content-Security-Policy", "sandbox; frame-ancestors 'self'")
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("X-Frame-Options", "SAMEORIGIN")
            .putHeader("Content-Disposition", "inline; filename=\"evidence-" + seq + "\"")
            .putHeader("Cache-Control", "private, no-store")
            .putHeader("ETag", "\"" + c.sha256() + "\"")
            .end(Buffer.buffer(c.bytes())), () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }
}
