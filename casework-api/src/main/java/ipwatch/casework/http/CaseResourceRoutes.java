package ipwatch.casework.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Role;
import ipwatch.casework.cases.CaseCollaboration;
import ipwatch.casework.cases.NotifierAccuracy;
import ipwatch.casework.evidence.EvidenceService;
import java.util.Optional;
import java.util.UUID;

/** Sub-resources of a case (comments, assignee, seller identifiers, evidence) and notifier accuracy. */
final class CaseResourceRoutes {
  private final CaseCollaboration collab;
  private final EvidenceService evidence;
  private final NotifierAccuracy accuracy;

  CaseResourceRoutes(CaseCollaboration collab, EvidenceService evidence, NotifierAccuracy accuracy) {
    this.collab = collab;
    this.evidence = evidence;
    this.accuracy = accuracy;
  }

  void mount(Router api) {
    api.get("/cases/:id/comments").handler(this::comments);
    api.post("/cases/:id/comments").handler(this::comment);
    api.put("/cases/:id/assignee").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::assign);
    api.get("/cases/:id/seller").handler(this::seller);
    api.put("/cases/:id/seller").handler(Guard.roles(Role.PLATFORM)).handler(this::setSeller);
    api.get("/cases/:id/evidence").handler(this::evidence);
    api.post("/cases/:id/evidence").handler(this::addEvidence);
    api.get("/cases/:id/evidence/export").handler(this::export);
    api.get("/notifiers/:orgId/accuracy").handler(this::accuracy);
  }

  private void comments(RoutingContext ctx) {
    collab.comments(Authenticate.caller(ctx), Ids.caseId(ctx))
        .onSuccess(found -> found.ifPresentOrElse(
            items -> Responses.ok(ctx, new JsonObject().put("items", items)),
            () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void comment(RoutingContext ctx) {
    UUID id = Ids.caseId(ctx);
    JsonObject body = BodySchemas.valid(ctx, "Comment");
    collab.comment(Authenticate.caller(ctx), id, body.getString("body"), body.getString("visibility", "PARTIES"))
        .onSuccess(found -> found.ifPresentOrElse(
            commentId -> Responses.json(ctx, 201, new JsonObject().put("id", commentId)),
            () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx) {
    UUID id = Ids.caseId(ctx);
    JsonObject body = BodySchemas.valid(ctx, "Assignment");
    String assignee = body.getString("assignee");
    collab.assign(Authenticate.caller(ctx), id, assignee)
        .onSuccess(ok -> {
          if (ok) {
            Responses.ok(ctx, new JsonObject().put("assignedTo", assignee));
          } else {
            ctx.fail(ApiException.notFound());
          }
        })
        .onFailure(ctx::fail);
  }

  private void seller(RoutingContext ctx) {
    collab.seller(Authenticate.caller(ctx), Ids.caseId(ctx))
        .onSuccess(found -> found.ifPresentOrElse(b -> Responses.ok(ctx, b), () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void setSeller(RoutingContext ctx) {
    UUID id = Ids.caseId(ctx);
    JsonObject body = BodySchemas.valid(ctx, "SellerIdentifiers");
    collab.setSeller(Authenticate.caller(ctx), id, body.getJsonObject("identifiers"))
        .onSuccess(ok -> {
          if (ok) {
            Responses.ok(ctx, new JsonObject().put("updated", true));
          } else {
            ctx.fail(ApiException.notFound());
          }
        })
        .onFailure(ctx::fail);
  }

  private void evidence(RoutingContext ctx) {
    evidence.list(Authenticate.caller(ctx), Ids.caseId(ctx))
        .onSuccess(items -> Responses.ok(ctx, new JsonObject().put("items", EvidenceService.json(items))))
        .onFailure(ctx::fail);
  }

  private void addEvidence(RoutingContext ctx) {
    UUID id = Ids.caseId(ctx);
    JsonObject b = BodySchemas.valid(ctx, "EvidenceItem");
    var item = new EvidenceService.NewItem(b.getString("kind"), b.getString("name"),
        Optional.ofNullable(b.getString("sha256")), Optional.ofNullable(b.getString("contentType")),
        Optional.ofNullable(b.getString("contentBase64")));
    evidence.add(Authenticate.caller(ctx), id, item)
        .onSuccess(e -> Responses.json(ctx, 201, EvidenceService.json(e)))
        .onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    UUID id = Ids.caseId(ctx);
    evidence.export(Authenticate.caller(ctx), id)
        .onSuccess(zip -> ctx.response()
            .putHeader("Content-Type", "application/zip")
            .putHeader("Content-Disposition", "attachment; filename=\"evidence-" + id + ".zip\"")
            .putHeader("Cache-Control", "no-store")
            .end(io.vertx.core.buffer.Buffer.buffer(zip)))
        .onFailure(ctx::fail);
  }

  private void accuracy(RoutingContext ctx) {
    Caller caller = Authenticate.caller(ctx);
    String orgId = ctx.pathParam("orgId");
    if (orgId == null || orgId.length() > 200 || (caller.role() == Role.RIGHTS_HOLDER
        && !caller.orgId().equals(orgId))) {
      throw ApiException.notFound(); // a rights holder sees its own record only
    }
    accuracy.of(caller, orgId).onSuccess(j -> Responses.ok(ctx, j)).onFailure(ctx::fail);
  }
}
