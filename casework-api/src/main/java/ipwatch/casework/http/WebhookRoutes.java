package ipwatch.casework.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Role;
import ipwatch.casework.webhooks.WebhookEndpoints;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

/**
 * Webhook endpoints of platforms (takedown notices arrive there) and rights holders (their alert subscriptions point
 * there): register, list, change or disable, rotate secrets, see deliveries and replay dead letters. Scoped to the
 * caller's organisation in every query.
 */
final class WebhookRoutes {
  /** The delivery states GET .../deliveries filters by (query parameter status). */
  static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "DEAD");
  // platforms receive takedown notices; rights holders point their alert subscriptions at their endpoints
  private static final Handler<RoutingContext> OWNERS = Guard.roles(Role.PLATFORM, Role.RIGHTS_HOLDER);
  private final WebhookEndpoints endpoints;

  WebhookRoutes(WebhookEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  void mount(Router api) {
    api.get("/webhooks/endpoints").handler(OWNERS).handler(this::list);
    api.post("/webhooks/endpoints").handler(OWNERS).handler(this::register);
    api.get("/webhooks/endpoints/:endpointId").handler(OWNERS).handler(this::get);
    api.patch("/webhooks/endpoints/:endpointId").handler(OWNERS).handler(this::update);
    api.post("/webhooks/endpoints/:endpointId/secrets").handler(OWNERS).handler(this::rotate);
    api.get("/webhooks/endpoints/:endpointId/deliveries").handler(OWNERS)
        .handler(this::deliveries);
    api.post("/webhooks/deliveries/:deliveryId/replay").handler(OWNERS).handler(this::replay);
  }

  private static UUID endpointId(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("endpointId"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }

  private void list(RoutingContext ctx) {
    endpoints.list(Authenticate.caller(ctx))
        .onSuccess(items -> Responses.ok(ctx, new JsonObject().put("items", items).put("total", items.size())))
        .onFailure(ctx::fail);
  }

  private void register(RoutingContext ctx) {
    JsonObject body = BodySchemas.valid(ctx, "WebhookEndpoint");
    endpoints.register(Authenticate.caller(ctx), body.getString("url"), body.getString("description"))
        .onSuccess(e -> Responses.json(ctx, 201, e))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    endpoints.get(Authenticate.caller(ctx), endpointId(ctx))
        .onSuccess(found -> found.ifPresentOrElse(e -> Responses.ok(ctx, e), () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    UUID id = endpointId(ctx);
    JsonObject body = BodySchemas.valid(ctx, "WebhookEndpointUpdate");
    endpoints.update(Authenticate.caller(ctx), id, body)
        .onSuccess(found -> found.ifPresentOrElse(e -> Responses.ok(ctx, e), () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void rotate(RoutingContext ctx) {
    UUID id = endpointId(ctx);
    JsonObject body = BodySchemas.valid(ctx, "SecretRotation");
    Optional<Long> grace = Optional.ofNullable(body.getLong("graceSeconds"));
    endpoints.rotate(Authenticate.caller(ctx), id, grace)
        .onSuccess(found -> found.ifPresentOrElse(e -> Responses.json(ctx, 201, e),
            () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void deliveries(RoutingContext ctx) {
    UUID id = endpointId(ctx);
    String status = ctx.request().getParam("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest("status must be one of PENDING, DELIVERED, DEAD.");
    }
    endpoints.deliveries(Authenticate.caller(ctx), id, Optional.ofNullable(status))
        .onSuccess(found -> found.ifPresentOrElse(
            a -> Responses.ok(ctx, new JsonObject().put("items", a).put("total", a.size())),
            () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void replay(RoutingContext ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("deliveryId"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound();
    }
    endpoints.replay(Authenticate.caller(ctx), id)
        .onSuccess(found -> found.ifPresentOrElse(e -> Responses.json(ctx, 202, e),
            () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }
}
