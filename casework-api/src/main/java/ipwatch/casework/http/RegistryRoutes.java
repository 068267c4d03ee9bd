package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Role;
import ipwatch.casework.registry.RegistryService;
import ipwatch.model.Json;
import java.util.Optional;

/**
 * The registry API for rights holders: their trademarks and patents with authorised sellers and reference prices.
 * PUT creates or replaces (If-Match: the expected version), DELETE removes (a tombstone goes to ip-registry).
 */
final class RegistryRoutes {
  private static final String ID = "[A-Za-z0-9._:-]{1,120}";
  private final RegistryService registry;

  RegistryRoutes(RegistryService registry) {
    this.registry = registry;
  }

  void mount(Router api) {
    api.get("/registry/assets").handler(Guard.roles(Role.RIGHTS_HOLDER, Role.ADMIN)).handler(this::list);
    api.get("/registry/assets/:assetId").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::get);
    api.put("/registry/assets/:assetId").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::put);
    api.delete("/registry/assets/:assetId").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::delete);
    api.get("/registry/assets/:assetId/versions").handler(Guard.roles(Role.RIGHTS_HOLDER)).handler(this::versions);
  }

  private static String assetId(RoutingContext ctx) {
    String id = ctx.pathParam("assetId");
    if (id == null || !id.matches(ID)) {
      throw ApiException.notFound();
    }
    return id;
  }

  private static Optional<Long> ifMatch(RoutingContext ctx) {
    String v = ctx.request().getHeader("If-Match");
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(v.replace("\"", "").trim()));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("If-Match must be the asset's version number.");
    }
  }

  private static JsonObject json(RegistryService.Versioned v) {
    return new JsonObject().put("version", v.version()).put("asset", new JsonObject(Json.write(v.asset())));
  }

  private void list(RoutingContext ctx) {
    registry.list(Authenticate.caller(ctx)).onSuccess(items -> {
      JsonArray a = new JsonArray();
      items.forEach(v -> a.add(json(v)));
      Responses.ok(ctx, new JsonObject().put("items", a).put("total", a.size()));
    }).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    registry.get(Authenticate.caller(ctx), assetId(ctx))
        .onSuccess(found -> found.ifPresentOrElse(v -> Responses.ok(ctx, withEtag(ctx, v)),
            () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    String id = assetId(ctx);
    JsonObject body = BodySchemas.valid(ctx, "Asset");
    registry.put(Authenticate.caller(ctx), id, body, ifMatch(ctx))
        .onSuccess(v -> Responses.ok(ctx, withEtag(ctx, v)))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    registry.delete(Authenticate.caller(ctx), assetId(ctx), ifMatch(ctx))
        .onSuccess(version -> Responses.ok(ctx, new JsonObject().put("removed", true).put("version", version)))
        .onFailure(ctx::fail);
  }

  private void versions(RoutingContext ctx) {
    registry.versions(Authenticate.caller(ctx), assetId(ctx))
        .onSuccess(items -> Responses.ok(ctx, new JsonObject().put("items", items)))
        .onFailure(ctx::fail);
  }

  private static JsonObject withEtag(RoutingContext ctx, RegistryService.Versioned v) {
    ctx.response().putHeader("ETag", "\"" + v.version() + "\"");
    return json(v);
  }
}
