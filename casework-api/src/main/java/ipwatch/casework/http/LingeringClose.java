package ipwatch.casework.http;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes an HTTP/1.1 connection whose request body we refused before reading it all (a 413), without losing the
 * answer. Closing at once while the client is still sending makes the kernel reset the connection, and a reset
 * discards the response the client has received but not yet read: the client sees "no bytes" instead of the 413.
 * So, like nginx's lingering close, we keep reading and discarding what the client still sends, and close when the
 * body ends, after {@link #MAX_DRAIN_BYTES} or after {@link #MAX_LINGER_MS}, whichever comes first.
 */
final class LingeringClose {
  static final long MAX_DRAIN_BYTES = 8L * 1024 * 1024;
  static final long MAX_LINGER_MS = 2_000;

  private LingeringClose() {}

  /** Call once the error response has been written. */
  static void afterResponse(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpConnection connection = request.connection();
    if (request.isEnded()) {
      connection.close();
      return;
    }
    AtomicBoolean closed = new AtomicBoolean();
    long timer = ctx.vertx().setTimer(MAX_LINGER_MS, t -> {
      if (closed.compareAndSet(false, true)) {
        connection.close();
      }
    });
    Runnable close = () -> {
      if (closed.compareAndSet(false, true)) {
        ctx.vertx().cancelTimer(timer);
        connection.close();
      }
    };
    long[] drained = {0};
    try {
      request.handler(chunk -> {
        drained[0] += chunk.length();
        if (drained[0] > MAX_DRAIN_BYTES) {
          close.run();
        }
      });
      request.endHandler(v -> close.run());
      request.exceptionHandler(e -> close.run());
      request.resume();
    } catch (IllegalStateException alreadyRead) { // the body ended between our check and here
      close.run();
    }
  }
}
