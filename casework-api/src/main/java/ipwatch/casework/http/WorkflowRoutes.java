package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.workflow.Action;
import ipwatch.casework.workflow.Actor;
import ipwatch.casework.workflow.TransitionRequest;
import ipwatch.casework.workflow.Workflow;
import java.util.Optional;
import java.util.UUID;

/**
 * POST /api/cases/{id}/transitions: one action on a case. The body names the action and carries only what the
 * action needs (schema Transition); the case's new state, owner, routing and timestamps are never taken from it.
 */
final class WorkflowRoutes {
  private final Workflow workflow;

  WorkflowRoutes(Workflow workflow) {
    this.workflow = workflow;
  }

  void mount(Router api) {
    api.post("/cases/:id/transitions").handler(this::transition);
  }

  private void transition(RoutingContext ctx) {
    UUID id = Ids.caseId(ctx);
    JsonObject body = BodySchemas.valid(ctx, "Transition");
    Action action = Action.parse(body.getString("action")).orElseThrow();
    Long expected = body.getLong("expectedVersion");
    TransitionRequest req = new TransitionRequest(action, body.getString("reason"), Optional.ofNullable(expected),
        body.getJsonObject("details"));
    workflow.transition(Actor.of(Authenticate.caller(ctx)), id, req)
        .onSuccess(r -> Responses.ok(ctx, CaseJson.summary(r.kase())
            .put("legalHold", r.legalHold())
            .put("allowedActions", new JsonArray(r.allowed()))))
        .onFailure(ctx::fail);
  }
}
