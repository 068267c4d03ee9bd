package ipwatch.casework.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Path ids. A malformed id answers the same 404 as a foreign or missing one. */
final class Ids {
  private Ids() {}

  static UUID caseId(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }
}
