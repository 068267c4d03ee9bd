package ipwatch.casework.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.network.SellerNetworks;

/** GET /api/cases/{id}/network and GET /api/networks (issue 7). Visibility is decided by {@link SellerNetworks}. */
final class NetworkRoutes {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  private final SellerNetworks networks;

  NetworkRoutes(SellerNetworks networks) {
    this.networks = networks;
  }

  void mount(Router api) {
    api.get("/cases/:id/network").handler(this::forCase);
    api.get("/networks").handler(this::top);
  }

  private void forCase(RoutingContext ctx) {
    networks.forCase(Authenticate.caller(ctx), Ids.caseId(ctx))
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.fail(ApiException.notFound());
          } else {
            Responses.ok(ctx, found.get());
          }
        })
        .onFailure(ctx::fail);
  }

  private void top(RoutingContext ctx) {
    int limit = limit(ctx);
    networks.top(Authenticate.caller(ctx), limit)
        .onSuccess(items -> Responses.ok(ctx, new JsonObject().put("items", items)))
        .onFailure(ctx::fail);
  }

  private static int limit(RoutingContext ctx) {
    String raw = ctx.queryParams().get("limit");
    if (raw == null || raw.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("query.limit must be an integer from 1 to " + MAX_LIMIT);
  }
}
