package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.DemoParties;
import ipwatch.casework.auth.Organisation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * GET /api/demo/tokens: the demo parties' tokens for the portal's role chooser. Mounted only when demo.enabled, and
 * answered only for a direct request from the loopback interface (no proxy headers); anything else gets the same
 * 404 as an unknown route.
 */
final class DemoTokensRoute {
  private final Map<String, String> tokens;

  DemoTokensRoute(Map<String, String> tokens) {
    this.tokens = tokens;
  }

  void handle(RoutingContext ctx) {
    if (!isDirectLoopback(ctx)) {
      ctx.fail(ApiException.notFound());
      return;
    }
    JsonArray out = new JsonArray();
    tokens.forEach((key, token) -> {
      Organisation o = DemoParties.ORGANISATIONS.get(key);
      out.add(new JsonObject().put("key", key).put("organisationId", o.id()).put("organisation", o.name())
          .put("role", o.role().name()).put("token", token));
    });
    Responses.ok(ctx, new JsonObject().put("tokens", out));
  }

  static boolean isDirectLoopback(RoutingContext ctx) {
    if (ctx.request().getHeader("X-Forwarded-For") != null || ctx.request().getHeader("Forwarded") != null) {
      return false;
    }
    SocketAddress remote = ctx.request().connection().remoteAddress();
    if (remote == null || remote.hostAddress() == null) {
      return false;
    }
    try {
      // an IP literal: no name lookup happens
      return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
