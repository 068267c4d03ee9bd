package ipwatch.casework.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.events.EventHub;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /api/events}: the caller's server-sent events ({@code case.updated}, {@code alert},
 * {@code webhook.failing}), each with its {@code id} so a reconnecting client resumes with {@code Last-Event-ID}, and
 * a comment line every 15 s so proxies keep the connection open and clients notice a dead one.
 */
final class EventRoutes {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private final Vertx vertx;
  private final EventHub hub;

  EventRoutes(Vertx vertx, EventHub hub) {
    this.vertx = vertx;
    this.hub = hub;
  }

  void mount(Router api) {
    api.get("/events").handler(this::stream);
  }

  /**
   * Mounted before authentication on this one route: a browser's EventSource cannot set headers, so the bearer token
   * may come as {@code ?access_token=} (RFC 6750 §2.3). The trade-off: URLs end up in access logs; tokens are
   * short-lived.
   */
  static void tokenFromQuery(RoutingContext ctx) {
    String token = ctx.request().getParam("access_token");
    if (token != null && ctx.request().getHeader("Authorization") == null) {
      ctx.request().headers().set("Authorization", "Bearer " + token);
    }
    ctx.next();
  }

  private void stream(RoutingContext ctx) {
    Caller caller = Authenticate.caller(ctx);
    Optional<Long> last = lastEventId(ctx);
    HttpServerResponse resp = ctx.response();
    resp.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    AtomicReference<Runnable> cleanup = new AtomicReference<>(() -> {});
    resp.closeHandler(v -> cleanup.get().run());
    hub.connect(caller, e -> write(resp, e.frame()), last)
        .onSuccess(client -> {
          long heartbeat = vertx.setPeriodic(HEARTBEAT.toMillis(), id -> write(resp, ": heartbeat\n\n"));
          cleanup.set(() -> {
            client.close();
            vertx.cancelTimer(heartbeat);
          });
          if (resp.closed()) {
            cleanup.get().run();
          } else {
            // the first bytes commit the 200 and tell the browser how soon to reconnect
            write(resp, "retry: 3000\n: connected\n\n");
          }
        })
        .onFailure(ctx::fail);
  }

  private static void write(HttpServerResponse resp, String text) {
    if (!resp.closed() && !resp.ended()) {
      resp.write(text);
    }
  }

  private static Optional<Long> lastEventId(RoutingContext ctx) {
    String v = ctx.request().getHeader("Last-Event-ID");
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(v.trim());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(id);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Last-Event-ID must be an event id from this stream.");
    }
  }
}
