package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import ipwatch.casework.Refusal;
import ipwatch.casework.search.CaseIndex;
import ipwatch.casework.workflow.TransitionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become responses: always {@code {type, message, correlationId}} as JSON. Only messages of
 * {@link ApiException} reach the client; everything else gets its type's fixed message, and the details (with the
 * stack trace) go to the log under the same correlation id.
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    String correlationId = CorrelationId.of(ctx);
    ErrorType type;
    String message;
    JsonArray allowed = null;
    if (failure instanceof ApiException api) {
      type = api.type();
      message = api.getMessage();
    } else if (failure instanceof Refusal refusal) {
      type = ErrorType.forStatus(refusal.status());
      message = refusal.getMessage();
    } else if (failure instanceof TransitionRefused refused) {
      type = switch (refused.reason()) {
        case NOT_FOUND -> ErrorType.NOT_FOUND;
        case FORBIDDEN -> ErrorType.FORBIDDEN;
        case CONFLICT -> ErrorType.CONFLICT;
        case INVALID -> ErrorType.BAD_REQUEST;
      };
      message = refused.getMessage();
      if (type == ErrorType.CONFLICT) {
        allowed = new JsonArray(refused.allowed());
      }
    } else if (UnstorableValue.is(failure)) {
      type = ErrorType.BAD_REQUEST;
      message = UnstorableValue.MESSAGE;
    } else if (failure instanceof CaseIndex.CaseIndexUnavailableException
        || ipwatch.casework.db.DatabaseOutage.is(failure)) {
      type = ErrorType.UNAVAILABLE;
      message = type.defaultMessage();
    } else if (failure instanceof HttpException http) {
      type = ErrorType.forStatus(http.getStatusCode());
      message = type.defaultMessage();
    } else if (ctx.statusCode() > 0) {
      type = ErrorType.forStatus(ctx.statusCode());
      message = type.defaultMessage();
    } else {
      type = ErrorType.INTERNAL;
      message = type.defaultMessage();
    }
    if (type == ErrorType.UNAVAILABLE && failure != null) {
      // an outage of a dependency, already visible in /api/health: one line, no stack trace per request
      LOG.warn("{} {} unavailable [correlationId={}]: {}", ctx.request().method(), ctx.request().path(),
          correlationId, failure.getMessage());
    } else if (type.status() >= 500) {
      LOG.error("{} {} failed [correlationId={}]", ctx.request().method(), ctx.request().path(), correlationId,
          failure);
    } else if (failure != null && !(failure instanceof ApiException) && !(failure instanceof TransitionRefused)
        && !(failure instanceof Refusal)) {
      LOG.debug("{} {} rejected [correlationId={}]: {}", ctx.request().method(), ctx.request().path(),
          correlationId, failure.toString());
    }
    write(ctx, type, message, correlationId, allowed);
  }

  static void write(RoutingContext ctx, ErrorType type, String message, String correlationId) {
    write(ctx, type, message, correlationId, null);
  }

  /** {@code allowed}: for a 409 from the workflow, the actions the caller may take instead. */
  static void write(RoutingContext ctx, ErrorType type, String message, String correlationId, JsonArray allowed) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject body = new JsonObject().put("type", type.type()).put("message", message)
        .put("correlationId", correlationId);
    if (type == ErrorType.UNAVAILABLE) {
      ctx.response().putHeader("Retry-After", "5");
    }
    if (allowed != null) {
      body.put("allowed", allowed);
    }
    if (type == ErrorType.UNAUTHORIZED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    boolean dropConnection = type == ErrorType.PAYLOAD_TOO_LARGE
        && ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2;
    if (dropConnection) {
      // HTTP/1.1: the rest of an oversized body is never read, so the connection cannot be reused
      ctx.response().putHeader("Connection", "close");
    }
    ctx.response()
        .setStatusCode(type.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode())
        .onComplete(v -> {
          if (dropConnection) {
            LingeringClose.afterResponse(ctx);
          }
        });
  }
}
