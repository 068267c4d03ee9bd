package ipwatch.casework.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.cases.Notices;

/** The full takedown notice of a case (what the thin webhook links to); 404 before a notice was sent. */
final class NoticeRoutes {
  private final Notices notices;

  NoticeRoutes(Notices notices) {
    this.notices = notices;
  }

  void mount(Router api) {
    api.get("/cases/:id/notice").handler(this::get);
  }

  private void get(RoutingContext ctx) {
    notices.forParty(Authenticate.caller(ctx), Ids.caseId(ctx))
        .onSuccess(found -> found.ifPresentOrElse(n -> Responses.ok(ctx, n), () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }
}
