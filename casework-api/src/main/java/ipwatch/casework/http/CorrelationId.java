package ipwatch.casework.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (a well-formed inbound X-Correlation-Id is kept, so a caller can trace
 * across services), echoes it in the response header and puts it in error bodies and logs.
 */
public final class CorrelationId {
  public static final String HEADER = "X-Correlation-Id";
  private static final String KEY = "correlationId";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private CorrelationId() {}

  public static void assign(RoutingContext ctx) {
    String inbound = ctx.request().getHeader(HEADER);
    String id = inbound != null && SAFE.matcher(inbound).matches() ? inbound : UUID.randomUUID().toString();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id != null ? id : UUID.randomUUID().toString();
  }
}
