package ipwatch.casework.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.alerts.Subscriptions;
import ipwatch.casework.auth.Role;
import java.time.Clock;
import java.util.UUID;

/** A rights holder's alert subscriptions: create (idempotent), list, read, delete; scoped to the caller. */
final class SubscriptionRoutes {
  private final Subscriptions subscriptions;

  SubscriptionRoutes(Pool pool) {
    this.subscriptions = new Subscriptions(pool, Clock.systemUTC());
  }

  void mount(Router api) {
    api.get("/subscriptions").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::list);
    api.post("/subscriptions").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::create);
    api.get("/subscriptions/:subscriptionId").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::get);
    api.delete("/subscriptions/:subscriptionId").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::delete);
  }

  private static UUID id(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("subscriptionId"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }

  private void list(RoutingContext ctx) {
    subscriptions.list(Authenticate.caller(ctx))
        .onSuccess(items -> Responses.ok(ctx, new JsonObject().put("items", items).put("total", items.size())))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = BodySchemas.valid(ctx, "Subscription");
    subscriptions.create(Authenticate.caller(ctx), body)
        .onSuccess(s -> Responses.json(ctx, 201, s))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    subscriptions.get(Authenticate.caller(ctx), id(ctx))
        .onSuccess(found -> found.ifPresentOrElse(s -> Responses.ok(ctx, s), () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    subscriptions.delete(Authenticate.caller(ctx), id(ctx))
        .onSuccess(deleted -> {
          if (deleted) {
            ctx.response().setStatusCode(204).end();
          } else {
            ctx.fail(ApiException.notFound());
          }
        })
        .onFailure(ctx::fail);
  }
}
