package ipwatch.casework.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Role;
import java.util.EnumSet;
import java.util.Set;

/** Function-level authorisation: the route's roles, checked after authentication and before the handler. */
final class Guard {
  private Guard() {}

  static Handler<RoutingContext> roles(Role first, Role... rest) {
    Set<Role> allowed = EnumSet.of(first, rest);
    return ctx -> {
      if (allowed.contains(Authenticate.caller(ctx).role())) {
        ctx.next();
      } else {
        ctx.fail(new ApiException(ErrorType.FORBIDDEN, "Your organisation's role may not use this endpoint."));
      }
    };
  }
}
