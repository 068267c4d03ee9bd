package ipwatch.casework.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

final class Responses {
  private Responses() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static void ok(RoutingContext ctx, JsonObject body) {
    json(ctx, 200, body);
  }
}
