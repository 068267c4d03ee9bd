package ipwatch.casework.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseDetail;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import ipwatch.casework.search.CaseIndex;
import ipwatch.casework.workflow.Workflow;
import java.util.List;
import java.util.UUID;

/** GET /api/me, /api/cases, /api/cases/{id}, /api/search. Visibility is decided by the data-access calls. */
final class CaseRoutes {
  private final Vertx vertx;
  private final Cases cases;
  private final CaseIndex index;
  private final QueryParams params;
  private final Workflow workflow;

  CaseRoutes(Vertx vertx, Cases cases, CaseIndex index, QueryParams params, Workflow workflow) {
    this.workflow = workflow;
    this.vertx = vertx;
    this.cases = cases;
    this.index = index;
    this.params = params;
  }

  void mount(Router api) {
    api.get("/me").handler(ctx -> Responses.ok(ctx, CaseJson.me(Authenticate.caller(ctx))));
    api.get("/cases").handler(this::list);
    api.get("/cases/:id").handler(this::get);
    api.get("/search").handler(this::search);
  }

  private void list(RoutingContext ctx) {
    Caller caller = Authenticate.caller(ctx);
    CaseFilter filter = CaseFilterParams.from(ctx)
        .withNetwork(QueryParams.text(ctx, "networkId", CaseFilterParams.MAX_NAME_LENGTH));
    PageRequest page = params.page(ctx);
    cases.listForParty(caller, filter, page)
        .onSuccess(p -> Responses.ok(ctx, CaseJson.page(p)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Caller caller = Authenticate.caller(ctx);
    UUID id = Ids.caseId(ctx);
    cases.findForParty(caller, id)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.fail(ApiException.notFound());
          } else {
            CaseDetail d = found.get();
            Responses.ok(ctx, CaseJson.detail(d, workflow.allowed(caller.role().name(), d.summary().status(),
                d.summary().jurisdiction(), d.state().legalHold())));
          }
        })
        .onFailure(ctx::fail);
  }

  private void search(RoutingContext ctx) {
    Caller caller = Authenticate.caller(ctx);
    CaseFilter filter = CaseFilterParams.from(ctx);
    String q = filter.text().orElse("");
    PageRequest page = params.page(ctx);
    PartyScope scope = PartyScope.of(caller.organisation());
    vertx.executeBlocking(() -> index.search(scope, filter, page), false)
        .compose(hits -> cases.withNetworkFields(caller, hits))
        .onSuccess(p -> Responses.ok(ctx, CaseJson.page(p).put("query", q)))
        .onFailure(ctx::fail);
  }
}
