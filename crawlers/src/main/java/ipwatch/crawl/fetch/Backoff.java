package ipwatch.crawl.fetch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before attempt n+1: the server's Retry-After when it gave one, else exponential with full jitter on
 * top (so many crawlers failing together do not come back together), always capped.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;

  public Backoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  public Duration delayAfter(int failedAttempts, Optional<Duration> retryAfter) {
    Duration d = retryAfter.orElseGet(() -> {
      long exp = base.toMillis() << Math.min(20, Math.max(0, failedAttempts - 1));
      long jitter = base.toMillis() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base.toMillis() + 1);
      return Duration.ofMillis(exp + jitter);
    });
    return d.compareTo(max) > 0 ? max : d;
  }
}
