package ipwatch.casework.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.auth.Role;
import ipwatch.casework.exports.TransparencyExports;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Transparency exports for platforms (their own decisions and notices) and regulators and admins (their
 * jurisdictions); rights holders and courts may not use them (403). {@code from} / {@code to}: ISO instants or
 * dates (UTC), {@code to} exclusive, default everything up to now.
 */
final class ExportRoutes {
  private final TransparencyExports exports;

  ExportRoutes(Pool pool) {
    this.exports = new TransparencyExports(pool);
  }

  void mount(Router api) {
    api.get("/exports/dsa-statements").handler(Guard.roles(Role.PLATFORM, Role.REGULATOR, Role.ADMIN))
        .handler(this::dsa);
    api.get("/exports/lumen").handler(Guard.roles(Role.PLATFORM, Role.REGULATOR, Role.ADMIN)).handler(this::lumen);
  }

  private void dsa(RoutingContext ctx) {
    Instant from = time(ctx, "from", Instant.EPOCH);
    Instant to = time(ctx, "to", Instant.now());
    exports.dsaStatements(Authenticate.caller(ctx), from, to)
        .onSuccess(body -> Responses.ok(ctx, body)).onFailure(ctx::fail);
  }

  private void lumen(RoutingContext ctx) {
    Instant from = time(ctx, "from", Instant.EPOCH);
    Instant to = time(ctx, "to", Instant.now());
    exports.lumen(Authenticate.caller(ctx), from, to)
        .onSuccess(body -> Responses.ok(ctx, body)).onFailure(ctx::fail);
  }

  private static Instant time(RoutingContext ctx, String name, Instant fallback) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be an ISO date (2026-11-20) or instant (2026-11-20T15:00:00Z).");
    }
  }
}
