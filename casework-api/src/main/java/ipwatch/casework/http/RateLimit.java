package ipwatch.casework.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Caller;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-caller token bucket (key: organisation + user from the verified token), after authentication so anonymous
 * floods are rejected by the cheaper 401. Over the limit: 429 with Retry-After. In-memory per instance: behind N
 * instances a caller gets up to N times the rate, which is acceptable for abuse protection (not for billing).
 */
public final class RateLimit implements Handler<RoutingContext> {
  private static final int MAX_CALLERS = 100_000;
  private final double perSecond;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimit(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    Caller c = Authenticate.caller(ctx);
    long wait = take(c.orgId() + "/" + c.userId(), System.nanoTime());
    if (wait == 0) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L)));
    ErrorMapper.write(ctx, ErrorType.TOO_MANY_REQUESTS, ErrorType.TOO_MANY_REQUESTS.defaultMessage(),
        CorrelationId.of(ctx));
  }

  /** 0 when a token was taken, otherwise nanoseconds until one is available. */
  long take(String key, long now) {
    if (buckets.size() > MAX_CALLERS) {
      buckets.clear(); // bounded memory; forgetting buckets only ever lets callers through
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * perSecond);
      b.last = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (long) ((1 - b.tokens) / perSecond * 1e9);
    }
  }
}
