package ipwatch.casework.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import ipwatch.casework.search.CaseIndex;
import java.util.UUID;

/** GET /api/me, /api/cases, /api/cases/{id}, /api/search. Visibility is decided by the data-access calls. */
final class CaseRoutes {
  private static final int MAX_QUERY_LENGTH = 256;
  private final Vertx vertx;
  private final Cases cases;
  private final CaseIndex index;
  private final QueryParams params;

  CaseRoutes(Vertx vertx, Cases cases, CaseIndex index, QueryParams params) {
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
    CaseFilter filter = new CaseFilter(
        QueryParams.enumValue(ctx, "status", CaseStatus.class), QueryParams.text(ctx, "marketplace", 200));
    PageRequest page = params.page(ctx);
    cases.listForParty(caller, filter, page)
        .onSuccess(p -> Responses.ok(ctx, CaseJson.page(p)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Caller caller = Authenticate.caller(ctx);
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(); // same answer as a foreign or missing case
    }
    cases.findForParty(caller, id)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.fail(ApiException.notFound());
          } else {
            Responses.ok(ctx, CaseJson.detail(found.get()));
          }
        })
        .onFailure(ctx::fail);
  }

  private void search(RoutingContext ctx) {
    Caller caller = Authenticate.caller(ctx);
    String q = QueryParams.text(ctx, "q", MAX_QUERY_LENGTH).orElse("");
    PageRequest page = params.page(ctx);
    PartyScope scope = PartyScope.of(caller.organisation());
    vertx.executeBlocking(() -> index.search(scope, q, page), false)
        .onSuccess(p -> Responses.ok(ctx, CaseJson.page(p).put("query", q)))
        .onFailure(ctx::fail);
  }
}
